// The scenario format end to end: exact located messages for every failure mode, through
// the loader and through `empathy-trainer validate`, and the quality bar of the bundled library.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/scenario_loader.hpp"

extern char** environ;

namespace et {
namespace {

namespace fs = std::filesystem;

const std::string kBroken = std::string(ET_TEST_DATA) + "/scenarios/broken";
const std::string kWarnings = std::string(ET_TEST_DATA) + "/scenarios/warnings";
const std::string kBundled = std::string(ET_SOURCE_DIR) + "/scenarios";
constexpr std::size_t kMaxBytes = 1024 * 1024;
// Tests may run repeatedly in one process (--gtest_repeat) and share its scratch folder.
constexpr auto kReplace = fs::copy_options::overwrite_existing;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A folder of this process's own (ctest runs each test in a separate process, possibly in
// parallel), removed when the process ends.
const std::string& scratch() {
    struct Dir {
        std::string path = testing::TempDir() + "et_scenario_tests_" + std::to_string(getpid());
        Dir() {
            fs::remove_all(path);
            fs::create_directories(path);
        }
        ~Dir() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

// A valid scenario padded with a summary to exactly `size` bytes.
std::string scenario_of_size(std::size_t size) {
    std::string text = R"({"id": "oversize", "title": "Too big", "partner": {"name": "Ana"}, )"
                       R"("steps": [{"id": "share", "partner_says": "Hi.", "feelings": []}], )"
                       R"("summary": ")";
    text += std::string(size - text.size() - 2, 'x');
    text += "\"}";
    return text;
}

// Samples too big or too hostile to commit (or to open in an editor) are written here.
std::string generated(const std::string& name) {
    const std::string path = scratch() + "/" + name;
    if (fs::exists(path)) {
        return path;
    }
    if (name == "oversize.json") {
        write_text(path, scenario_of_size(kMaxBytes + 1));
    } else if (name == "invalid_utf8.json") {
        // "Café" saved as Latin-1: the 0xE9 is at byte 41, line 3, column 16.
        write_text(path, "{\n  \"id\": \"invalid-utf8\",\n  \"title\": \"Caf\xE9 au lait\",\n"
                         "  \"partner\": { \"name\": \"Ana\" },\n"
                         "  \"steps\": [ { \"id\": \"share\", \"partner_says\": \"Hi.\", "
                         "\"feelings\": [] } ]\n}\n");
    } else if (name == "deep_nesting.json") {
        // The root object is level 1, so the 64th '[' (line 6, column 12 + 63) is level 65.
        write_text(path, "{\n  \"id\": \"deep-nesting\",\n  \"title\": \"Nested too deep\",\n"
                         "  \"partner\": { \"name\": \"Ana\" },\n"
                         "  \"steps\": [ { \"id\": \"share\", \"partner_says\": \"Hi.\", "
                         "\"feelings\": [] } ],\n  \"extra\": " +
                             std::string(10000, '[') + std::string(10000, ']') + "\n}\n");
    } else {
        ADD_FAILURE() << "no generator for " << name;
    }
    return path;
}

// One failure mode: a sample and the exact lines `validate` prints for it, each without the
// leading file name (which is where the sample lives).
enum class Sample {
    Committed, // a file under tests/data/scenarios/broken
    Folder,    // a folder there; the expected lines name files inside it
    Generated, // written by generated()
};

struct BrokenCase {
    std::string name;
    std::vector<std::string> expected; // "LINE:COL: PATH: message"
    Sample sample = Sample::Committed;

    bool is_generated() const { return sample == Sample::Generated; }
    bool is_folder() const { return sample == Sample::Folder; }
    std::string path() const { return is_generated() ? generated(name) : kBroken + "/" + name; }
};

const std::string kMistakeList =
    "expected one of fixing, i_understand, hijacking, problem_solving_question, "
    "making_it_about_you, dismissing";

// Every position below was checked by hand against the sample: the offending value or key,
// or the object that lacks a required key.
const std::vector<BrokenCase> kBrokenCases = {
    {"invalid_syntax.json",
     {"7:3: invalid JSON while parsing value - unexpected ']'; expected '[', '{', or a literal"}},
    {"missing_id.json", {"1:1: missing required key \"id\""}},
    {"missing_title.json", {"1:1: missing required key \"title\""}},
    {"missing_partner_name.json", {"4:3: partner: missing required key \"name\""}},
    {"missing_steps.json", {"1:1: missing required key \"steps\""}},
    {"missing_partner_says.json", {"6:5: steps[0]: missing required key \"partner_says\""}},
    {"missing_feelings.json", {"6:5: steps[0]: missing required key \"feelings\""}},
    {"partner_says_number.json", {"9:7: steps[1].partner_says: expected a string, got a number"}},
    {"empty_title.json", {"3:3: title: must not be empty"}},
    {"blank_choice_text.json", {"10:11: steps[0].choices[1].text: must not be empty"}},
    {"invalid_id.json", {"2:3: id: \"Long Day\" is not a valid id (use a-z, 0-9 and -)"}},
    {"duplicate_step_ids.json", {"8:7: steps[1].id: duplicate step id \"share\""}},
    {"next_target_missing.json", {"7:42: steps[0].next.mistake: no step has the id \"shut-down\""}},
    {"next_unknown_outcome.json",
     {"7:42: steps[0].next.level_three: unknown outcome \"level_three\"; "
      "expected level_two, level_one, missed, mistake or default"}},
    {"choice_level_3.json",
     {"8:46: steps[0].choices[0].level: expected an integer from 0 to 2, got 3"}},
    {"unknown_mistake.json",
     {"9:34: steps[0].choices[0].mistakes[1]: unknown mistake \"lecturing\"; " + kMistakeList}},
    {"unknown_emotion.json", {"4:3: emotion: expected one of mad, sad, glad, fear, got \"bored\""}},
    {"difficulty_out_of_range.json", {"4:3: difficulty: expected an integer from 1 to 3, got 4"}},
    {"empty_steps.json", {"5:3: steps: a scenario needs at least one step"}},
    {"top_level_array.json", {"1:1: expected an object, got an array"}},
    {"duplicate-ids",
     {"/b-second.json:2:3: id: duplicate scenario id \"long-day\" (also in " + kBroken +
      "/duplicate-ids/a-first.json)"},
     Sample::Folder},
    {"oversize.json", {"1:1: file is 1048577 bytes; the limit is 1048576"}, Sample::Generated},
    {"invalid_utf8.json", {"3:16: invalid UTF-8 at byte offset 41"}, Sample::Generated},
    {"deep_nesting.json", {"6:75: nesting deeper than 64 levels"}, Sample::Generated},
};

// Full lines as `Diagnostic::to_string` and `validate` print them.
std::vector<std::string> expected_lines(const BrokenCase& c) {
    std::vector<std::string> lines;
    for (const auto& e : c.expected) {
        lines.push_back(c.path() + (c.is_folder() ? "" : ":") + e);
    }
    return lines;
}

std::vector<std::string> lines_of(const Diagnostics& problems) {
    std::vector<std::string> lines;
    for (const auto& d : problems) {
        lines.push_back(d.to_string());
    }
    return lines;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// Test names and failure messages show the sample, not the struct's bytes.
void PrintTo(const BrokenCase& c, std::ostream* os) {
    *os << c.name;
}

std::string case_name(const testing::TestParamInfo<BrokenCase>& info) {
    std::string name = info.param.name.substr(0, info.param.name.find('.'));
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

class BrokenScenario : public testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenScenario, LoaderReportsExactlyTheExpectedLines) {
    const BrokenCase& c = GetParam();
    if (c.is_folder()) {
        // Each file is fine alone; together they break the pack, and the first one stays.
        const LibraryLoad library = load_scenario_folder(c.path());
        EXPECT_EQ(lines_of(library.problems), expected_lines(c));
        ASSERT_EQ(library.scenarios.size(), 1u);
        EXPECT_EQ(library.scenarios[0].title, "A long day");
        EXPECT_EQ(library.files_seen, 2);
        return;
    }
    const ScenarioLoad load = load_scenario_file(c.path());
    EXPECT_FALSE(load.scenario.has_value());
    EXPECT_EQ(lines_of(load.problems), expected_lines(c));
    EXPECT_TRUE(has_errors(load.problems));
}

INSTANTIATE_TEST_SUITE_P(Samples, BrokenScenario, testing::ValuesIn(kBrokenCases), case_name);

TEST(BrokenScenarioSamples, EveryCommittedSampleIsInTheTable) {
    std::vector<std::string> on_disk;
    for (const auto& entry : fs::directory_iterator(kBroken)) {
        on_disk.push_back(entry.path().filename().string());
    }
    std::vector<std::string> in_table;
    for (const auto& c : kBrokenCases) {
        if (!c.is_generated()) {
            in_table.push_back(c.name);
        }
    }
    std::sort(on_disk.begin(), on_disk.end());
    std::sort(in_table.begin(), in_table.end());
    EXPECT_EQ(on_disk, in_table);
    EXPECT_GE(kBrokenCases.size(), 18u);
}

// ---- Valid files that still deserve a word, and edge cases of the byte-level checks.

struct WarningCase {
    std::string name;
    std::vector<std::string> expected; // "LINE:COL: warning: PATH: message"
};

const std::vector<WarningCase> kWarningCases = {
    {"unknown_key.json", {"5:3: warning: soundtrack: unknown key \"soundtrack\" (ignored)"}},
    {"unreachable_step.json",
     {"7:7: warning: steps[1].id: step \"orphan\" cannot be reached from the first step"}},
    {"bom.json", {}},
};

TEST(ScenarioWarnings, LoadWithExactlyTheExpectedWarnings) {
    for (const auto& c : kWarningCases) {
        const std::string path = kWarnings + "/" + c.name;
        const ScenarioLoad load = load_scenario_file(path);
        EXPECT_TRUE(load.scenario.has_value()) << c.name;
        std::vector<std::string> expected;
        for (const auto& e : c.expected) {
            expected.push_back(path + ":" + e);
        }
        EXPECT_EQ(lines_of(load.problems), expected) << c.name;
    }
}

TEST(ScenarioBytes, AByteOrderMarkIsAccepted) {
    const std::string path = kWarnings + "/bom.json";
    ASSERT_EQ(read_text(path).substr(0, 3), "\xEF\xBB\xBF"); // the sample still has its mark
    const ScenarioLoad load = load_scenario_file(path);
    ASSERT_TRUE(load.scenario.has_value());
    EXPECT_EQ(load.scenario->id, "bom");
    EXPECT_EQ(load.scenario->partner.name, "Zo\xC3\xAB");
}

TEST(ScenarioBytes, InvalidUtf8AfterAByteOrderMarkGivesTheFileOffset) {
    // Byte 10 of the file; the column (8) does not count the mark, as editors do not.
    const std::string path = scratch() + "/bom_then_bad_byte.json";
    write_text(path, "\xEF\xBB\xBF{\"a\": \"\xFF\"}");
    const ScenarioLoad load = load_scenario_file(path);
    EXPECT_EQ(lines_of(load.problems),
              std::vector<std::string>{path + ":1:8: invalid UTF-8 at byte offset 10"});
}

TEST(ScenarioBytes, ExactlyOneMebibyteIsAllowed) {
    const std::string path = scratch() + "/just_fits.json";
    write_text(path, scenario_of_size(kMaxBytes));
    const ScenarioLoad load = load_scenario_file(path);
    EXPECT_TRUE(load.scenario.has_value());
    EXPECT_TRUE(load.problems.empty()) << lines_of(load.problems).front();
}

// One file with four problems, and the four lines expected for it.
std::string many_problems(std::vector<std::string>& expected) {
    const std::string path = scratch() + "/many_problems.json";
    write_text(path, "{\n  \"id\": \"Many Problems\",\n  \"partner\": { \"name\": \"\" },\n"
                     "  \"steps\": [ { \"id\": \"a\", \"partner_says\": 7, "
                     "\"feelings\": [] } ]\n}\n");
    expected = {
        path + ":2:3: id: \"Many Problems\" is not a valid id (use a-z, 0-9 and -)",
        path + ":1:1: missing required key \"title\"",
        path + ":3:16: partner.name: must not be empty",
        path + ":4:27: steps[0].partner_says: expected a string, got a number",
    };
    return path;
}

TEST(ScenarioBytes, SeveralProblemsInOneFileAreAllReported) {
    std::vector<std::string> expected;
    const ScenarioLoad load = load_scenario_file(many_problems(expected));
    EXPECT_FALSE(load.scenario.has_value());
    EXPECT_EQ(lines_of(load.problems), expected);
}

// ---- Folders: the bundled library, a mixed pack, and folders that are not there.

TEST(BundledLibrary, LoadsCleanlyWithTheIssuesQualityBar) {
    const LibraryLoad library = load_scenario_folder(kBundled);
    for (const auto& d : library.problems) {
        ADD_FAILURE() << d.to_string(); // not even warnings in the library we ship
    }
    EXPECT_EQ(library.files_seen, static_cast<int>(library.scenarios.size()));
    EXPECT_GE(library.scenarios.size(), 24u);

    std::map<std::string, int> per_emotion;
    for (const Scenario& s : library.scenarios) {
        SCOPED_TRACE(s.file);
        ++per_emotion[s.emotion];
        EXPECT_GE(s.partner.card.size(), 2u);
        EXPECT_LE(s.partner.card.size(), 4u);
        ASSERT_GE(s.steps.size(), 2u);
        // The opening branches by outcome: a good answer and a mistake lead to different steps.
        const Step& first = s.steps.front();
        const auto after_good = first.next_step(Outcome::LevelOne);
        const auto after_mistake = first.next_step(Outcome::Mistake);
        EXPECT_TRUE(after_good && after_mistake && *after_good != *after_mistake) << first.id;
        for (const Step& step : s.steps) {
            SCOPED_TRACE(step.id);
            EXPECT_GE(step.choices.size(), 4u);
            EXPECT_LE(step.choices.size(), 6u);
            bool clean_two = false, clean_one = false, mistake = false;
            for (const Choice& c : step.choices) {
                clean_two |= c.level == 2 && c.mistakes.empty();
                clean_one |= c.level == 1 && c.mistakes.empty();
                mistake |= !c.mistakes.empty();
            }
            EXPECT_TRUE(clean_two) << "no Level Two choice without mistakes";
            EXPECT_TRUE(clean_one) << "no Level One choice without mistakes";
            EXPECT_TRUE(mistake) << "no choice that shows a mistake";
        }
    }
    EXPECT_EQ(per_emotion.size(), 4u) << "every scenario names one of the four emotions";
    for (const char* emotion : {"mad", "sad", "glad", "fear"}) {
        EXPECT_GE(per_emotion[emotion], 4) << emotion;
    }
}

TEST(BundledLibrary, PackJsonIsRead) {
    const LibraryLoad library = load_scenario_folder(kBundled);
    ASSERT_TRUE(library.pack.has_value());
    EXPECT_EQ(library.pack->name, "Empathy Trainer starter pack");
    EXPECT_EQ(library.pack->language, "en");
    EXPECT_FALSE(library.pack->author.empty());
    EXPECT_FALSE(library.pack->version.empty());
    EXPECT_FALSE(library.pack->description.empty());
}

TEST(ScenarioFolder, OneBadFileNeverStopsTheGoodOnes) {
    const std::string dir = scratch() + "/mixed";
    fs::create_directories(dir);
    const char* good[] = {"fear-friend-fight.json", "glad-promotion.json", "sad-dog-died.json"};
    for (const char* name : good) {
        fs::copy_file(kBundled + "/" + name, dir + "/" + name, kReplace);
    }
    fs::copy_file(kBroken + "/unknown_emotion.json", dir + "/unknown_emotion.json", kReplace);
    fs::copy_file(kWarnings + "/unknown_key.json", dir + "/unknown_key.json", kReplace);

    const LibraryLoad library = load_scenario_folder(dir);
    EXPECT_EQ(library.files_seen, 5);
    std::vector<std::string> ids;
    for (const Scenario& s : library.scenarios) {
        ids.push_back(s.id);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"fear-friend-fight", "glad-promotion", "sad-dog-died",
                                             "unknown-key"}));
    EXPECT_EQ(lines_of(library.problems),
              (std::vector<std::string>{
                  dir + "/unknown_emotion.json:4:3: emotion: expected one of mad, sad, glad, "
                        "fear, got \"bored\"",
                  dir + "/unknown_key.json:5:3: warning: soundtrack: unknown key "
                        "\"soundtrack\" (ignored)",
              }));
    EXPECT_FALSE(library.pack.has_value());
}

TEST(ScenarioFolder, AVanishedFolderIsADiagnosticNotACrash) {
    const std::string dir = scratch() + "/vanished";
    fs::create_directories(dir);
    fs::copy_file(kBundled + "/sad-dog-died.json", dir + "/sad-dog-died.json", kReplace);
    fs::remove_all(dir);

    LibraryLoad library = load_scenario_folder(dir);
    EXPECT_TRUE(library.scenarios.empty());
    EXPECT_EQ(lines_of(library.problems), std::vector<std::string>{dir + ": no such folder"});

    library = load_scenario_paths({dir, kWarnings + "/bom.json"});
    EXPECT_EQ(library.scenarios.size(), 1u); // the path that exists still loads
    EXPECT_EQ(lines_of(library.problems),
              std::vector<std::string>{dir + ": no such file or folder"});

    const ScenarioLoad file = load_scenario_file(dir + "/sad-dog-died.json");
    EXPECT_EQ(lines_of(file.problems),
              std::vector<std::string>{dir + "/sad-dog-died.json: cannot open the file"});

    library = load_scenario_folder(kWarnings + "/bom.json");
    EXPECT_EQ(lines_of(library.problems),
              std::vector<std::string>{kWarnings + "/bom.json: not a folder"});
}

// ---- `empathy-trainer validate` as a process.

struct AppRun {
    int status = -1; // the exit code; -1 when the process died from a signal
    std::string out;
    std::string err;
};

// posix_spawn, not popen: arguments go through without a shell, and stderr is kept apart.
AppRun run_app(const std::vector<std::string>& args) {
    static int runs = 0;
    const std::string base = scratch() + "/run" + std::to_string(++runs);
    const std::string out_file = base + ".out", err_file = base + ".err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<std::string> all = {ET_APP};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    AppRun r;
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, ET_APP, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << ET_APP << ": " << std::strerror(spawned);
        return r;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out_file);
    r.err = read_text(err_file);
    return r;
}

TEST_P(BrokenScenario, ValidateExitsOneWithOneLinePerProblem) {
    const BrokenCase& c = GetParam();
    const AppRun r = run_app({"validate", c.path()});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(split_lines(r.err), expected_lines(c));
    EXPECT_EQ(r.out, c.is_folder()
                         ? "1 valid scenario(s) in 2 file(s); 1 error(s), 0 warning(s)\n"
                         : "0 valid scenario(s) in 1 file(s); 1 error(s), 0 warning(s)\n");
}

TEST(ValidateCommand, TheBundledLibraryIsValid) {
    const AppRun r = run_app({"validate", kBundled});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find(" error(s)"), std::string::npos);
    EXPECT_NE(r.out.find("; 0 error(s), 0 warning(s)"), std::string::npos) << r.out;
}

TEST(ValidateCommand, TheWholeBrokenFolderListsEveryProblemOnce) {
    std::vector<std::string> expected;
    for (const auto& c : kBrokenCases) {
        if (!c.is_generated() && !c.is_folder()) { // the folder is not searched recursively
            const auto lines = expected_lines(c);
            expected.insert(expected.end(), lines.begin(), lines.end());
        }
    }
    const AppRun r = run_app({"validate", kBroken});
    EXPECT_EQ(r.status, 1);
    std::vector<std::string> got = split_lines(r.err);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(got, expected);
}

TEST(ValidateCommand, SeveralProblemsInOneFileGiveOneLineEach) {
    std::vector<std::string> expected;
    const AppRun r = run_app({"validate", many_problems(expected)});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(split_lines(r.err), expected);
}

TEST(ValidateCommand, WarningsAloneExitZero) {
    for (const auto& c : kWarningCases) {
        const std::string path = kWarnings + "/" + c.name;
        const AppRun r = run_app({"validate", path});
        EXPECT_EQ(r.status, 0) << c.name;
        std::vector<std::string> expected;
        for (const auto& e : c.expected) {
            expected.push_back(path + ":" + e);
        }
        EXPECT_EQ(split_lines(r.err), expected) << c.name;
    }
}

TEST(ValidateCommand, UsageErrorsExitTwo) {
    const struct {
        std::vector<std::string> args;
        std::string message;
    } cases[] = {
        {{"validate"}, "empathy-trainer validate: no path given"},
        {{"validate", "--frobnicate", kBundled},
         "empathy-trainer validate: unknown option --frobnicate"},
    };
    for (const auto& c : cases) {
        const AppRun r = run_app(c.args);
        EXPECT_EQ(r.status, 2) << c.message;
        EXPECT_EQ(r.out, "") << c.message;
        const auto lines = split_lines(r.err);
        ASSERT_FALSE(lines.empty()) << c.message;
        EXPECT_EQ(lines.front(), c.message);
        EXPECT_NE(r.err.find("usage: empathy-trainer validate PATH..."), std::string::npos);
    }
}

TEST(ValidateCommand, AMissingPathIsAProblemNotACrash) {
    const std::string gone = scratch() + "/never-there";
    const AppRun r = run_app({"validate", gone});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, gone + ": no such file or folder\n");
}

} // namespace
} // namespace et
