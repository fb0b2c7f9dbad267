// Reading a content source folder into a snapshot and writing one back.
#include "desk_test_support.h"

#include "content/desk/snapshot_writer.h"

namespace hallboard::desk {

namespace fs = std::filesystem;

TEST_CASE("a folder becomes a snapshot keyed by notice id, with every asset hashed")
{
    hallboard::test::TempFolder source;
    auto expected = test::hall_v1();
    expected.assets.clear();
    test::write_texts(source, expected);
    source.write("assets/logo.png", "not really a picture, but not used by a notice either");
    source.write("assets/.DS_Store", "litter");
    source.write("notices/.swp", "litter");

    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_MESSAGE(snapshot, test::why(snapshot));
    CHECK(snapshot->channel == expected.channel);
    CHECK(snapshot->notices == expected.notices);
    REQUIRE(snapshot->assets.size() == 1);
    auto const& logo = snapshot->assets.at("assets/logo.png");
    CHECK(logo.size == 53);
    CHECK(logo.sha256.size() == 64);
}

TEST_CASE("a notice is keyed by the id inside it, not by its file name")
{
    hallboard::test::TempFolder source;
    source.write("notices/10-first.yaml", test::ticker_yaml("welcome", "欢迎"));
    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_MESSAGE(snapshot, test::why(snapshot));
    REQUIRE(snapshot->notices.contains("welcome"));
    CHECK(snapshot->notices.at("welcome").file == "notices/10-first.yaml");
}

TEST_CASE("an invalid source is refused with the problem and how to see the rest")
{
    hallboard::test::TempFolder source;
    source.write("notices/a.yaml", "id: a\nkind: ticker\n");
    source.write("notices/b.yaml", "id: b\nkind: nonsense\n");
    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_FALSE(snapshot);
    CHECK(snapshot.error().find("notices/a.yaml") != std::string::npos);
    CHECK(snapshot.error().find("1 more") != std::string::npos);

    CHECK_FALSE(snapshot_from_folder(source / "missing"));
}

TEST_CASE("a link out of assets/, or to nothing, is refused")
{
    hallboard::test::TempFolder source, outside;
    test::write_texts(source, test::hall_v1());
    outside.write("secret.png", "x");
    fs::create_directories(source / "assets");
    fs::create_symlink(outside / "secret.png", source / "assets/secret.png");
    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_FALSE(snapshot);
    CHECK(snapshot.error().find("leads outside assets/") != std::string::npos);

    fs::remove(source / "assets/secret.png");
    fs::create_symlink(source / "assets/gone.png", source / "assets/dangling.png");
    snapshot = snapshot_from_folder(source.path());
    REQUIRE_FALSE(snapshot);
    CHECK(snapshot.error().find("assets/dangling.png is a link to something that does not exist") != std::string::npos);
}

TEST_CASE("writing a snapshot makes the folder equal to it and leaves other files alone")
{
    hallboard::test::TempFolder source, target;
    test::write_texts(source, test::hall_v1());
    source.write("assets/logo.png", "logo bytes");
    source.write("assets/photos/hall.jpg", "photo bytes");
    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_MESSAGE(snapshot, test::why(snapshot));

    auto written = write_snapshot(*snapshot, target / "pulled", source_folder_store(source.path()));
    REQUIRE_MESSAGE(written, test::why(written));
    auto again = snapshot_from_folder(target / "pulled");
    REQUIRE_MESSAGE(again, test::why(again));
    CHECK(*again == *snapshot);

    // A later version withdraws a notice, drops a picture and the channel; a desk record and a
    // README the admin keeps there survive.
    target.write("pulled/.hallboard/base.json", "{}");
    target.write("pulled/README.txt", "mine");
    auto next = *snapshot;
    next.notices.erase("safety");
    next.assets.erase("assets/photos/hall.jpg");
    next.channel.reset();
    written = write_snapshot(next, target / "pulled", source_folder_store(source.path()));
    REQUIRE_MESSAGE(written, test::why(written));
    again = snapshot_from_folder(target / "pulled");
    REQUIRE_MESSAGE(again, test::why(again));
    CHECK(*again == next);
    CHECK_FALSE(target.exists("pulled/notices/safety.yaml"));
    CHECK_FALSE(target.exists("pulled/channel.yaml"));
    CHECK(target.exists("pulled/.hallboard/base.json"));
    CHECK(target.read("pulled/README.txt") == "mine");
}

TEST_CASE("writing refuses a folder that is not a content source, bad paths and wrong bytes")
{
    hallboard::test::TempFolder source, home;
    test::write_texts(source, test::hall_v1());
    source.write("assets/logo.png", "logo bytes");
    auto snapshot = snapshot_from_folder(source.path());
    REQUIRE_MESSAGE(snapshot, test::why(snapshot));

    home.write("thesis.tex", "years of work");
    CHECK_FALSE(write_snapshot(*snapshot, home.path(), source_folder_store(source.path())));
    CHECK(home.read("thesis.tex") == "years of work");

    auto escaping = *snapshot;
    escaping.notices["welcome"].file = "notices/../../escape.yaml";
    CHECK_FALSE(write_snapshot(escaping, home / "new", source_folder_store(source.path())));
    CHECK_FALSE(fs::exists(home / "escape.yaml"));

    auto stale = *snapshot;
    stale.assets["assets/logo.png"].sha256 = std::string(64, 'b');
    auto written = write_snapshot(stale, home / "other", source_folder_store(source.path()));
    REQUIRE_FALSE(written);
    CHECK(written.error().find("sha256 differs") != std::string::npos);
}

} // namespace hallboard::desk
