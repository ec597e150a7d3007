import Foundation
import Testing
@testable import GuideKit
@testable import guidekit

/// Conventions of a command-line tool people adopt: excludes, strict mode, typos, version.
struct CLIConventionTests {
    @Test func globsMatchNamesAnywhereAndPathsFromTheTop() {
        #expect(PathGlob("CHANGELOG.md").matches("docs/a/CHANGELOG.md"))
        #expect(!PathGlob("CHANGELOG.md").matches("docs/a/guide.md"))
        #expect(PathGlob("docs/reference/**").matches("docs/reference/x/y.md"))
        #expect(!PathGlob("docs/reference/**").matches("docs/guides/y.md"))
        #expect(PathGlob("docs/**/draft-*.md").matches("docs/a/b/draft-1.md"))
        #expect(PathGlob("docs/**/draft-*.md").matches("docs/draft-1.md"))
        #expect(PathGlob("*.md").matches("./x.md"))
    }

    @Test func excludedFilesAreNotRead() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("docs/guides/a.md", Data("# a\n".utf8))
        _ = try folder.write("docs/reference/b.md", Data("# b\n".utf8))
        let input = GuideInput(exclude: [PathGlob("**/reference/**")])
        let found = input.files(in: [folder.url.path]).files.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(found == ["a.md"])
    }

    @Test func mistypedCommandsGetASuggestion() {
        #expect(GuideKitCommand.mistypedSubcommand(["chek", "docs"])?.suggestion == "check")
        #expect(GuideKitCommand.mistypedSubcommand(["check", "docs"]) == nil)
        #expect(GuideKitCommand.mistypedSubcommand(["--version"]) == nil)
    }

    @Test func oneVersionEverywhere() {
        #expect(SARIFReporter.toolVersion == GuideKitVersion.current)
        #expect(GuideKitCommand.configuration.version == GuideKitVersion.current)
    }
}
