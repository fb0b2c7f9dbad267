// UniqueFd's closing, kept out of the header so that users need not include <unistd.h>.
#include "base/unique_fd.h"

#include <unistd.h>

namespace hallboard {

void UniqueFd::reset(int fd)
{
    int old = std::exchange(m_fd, fd);
    if (old >= 0 && old != fd)
        ::close(old);
}

bool UniqueFd::close()
{
    int old = std::exchange(m_fd, -1);
    return old >= 0 && ::close(old) == 0;
}

} // namespace hallboard
