// From a screen config to sync settings.
#include "sync_test_support.h"

#include "player/sync/sync_settings.h"

namespace hallboard {

using namespace sync;
using namespace std::chrono_literals;

TEST_CASE("a screen config's content section becomes the sync settings")
{
    auto pair = generate_key_pair();
    REQUIRE(pair);
    ScreenConfig config;
    config.file = "/etc/hallboard/screen.yaml";
    config.server = "http://10.1.2.3:8080";
    config.cache = "/var/lib/hallboard";
    config.poll = 2min;
    config.public_key = public_key_text(pair->public_key);

    SUBCASE("with a key")
    {
        auto settings = sync_settings_from(config);
        REQUIRE(settings.ok());
        CHECK(settings->server == "http://10.1.2.3:8080");
        CHECK(settings->cache == "/var/lib/hallboard");
        CHECK(settings->poll == 2min);
        REQUIRE(settings->public_key);
        CHECK(*settings->public_key == pair->public_key);
        CHECK(settings->timeouts.connect == 5s); // the defaults the issue asks for
        CHECK(settings->timeouts.stall == 10s);
    }
    SUBCASE("without a key, unsigned content allowed explicitly")
    {
        config.public_key.clear();
        config.allow_unsigned = true;
        auto settings = sync_settings_from(config);
        REQUIRE(settings.ok());
        CHECK_FALSE(settings->public_key);
    }
    SUBCASE("without a key and without allow_unsigned: refused (fail closed)")
    {
        config.public_key.clear();
        auto settings = sync_settings_from(config);
        REQUIRE_FALSE(settings.ok());
        CHECK(settings.error().find("allow_unsigned") != std::string::npos);
    }
    SUBCASE("a local source is not something to sync")
    {
        config.server.clear();
        config.source = "/srv/content";
        auto settings = sync_settings_from(config);
        REQUIRE_FALSE(settings.ok());
        CHECK(settings.error().find("content.server is not set") != std::string::npos);
        CHECK(settings.error().find("/etc/hallboard/screen.yaml") == 0);
    }
    SUBCASE("a key that is not one")
    {
        config.public_key = "c2hvcnQ=";
        auto settings = sync_settings_from(config);
        REQUIRE_FALSE(settings.ok());
        CHECK(settings.error().find("public_key") != std::string::npos);
    }
}

} // namespace hallboard
