import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `fix` writing back: compare and swap, links, mode, byte-order mark, read-only files.
struct FileRewriterTests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aFileEditedMeanwhileIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.md", Data("edited by someone\n".utf8))
        #expect(throws: InputError.self) { try FileRewriter.rewrite(path, expected: "as checked\n", with: "fixed\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited by someone\n")
    }

    @Test func symlinksStayLinksAndTheirTargetIsFixed() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("real.md", Data("old\n".utf8))
        let link = folder.url.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileRewriter.rewrite(link, expected: "old\n", with: "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    @Test func hardLinksModeAndByteOrderMarkAreKept() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.md", Data([0xEF, 0xBB, 0xBF] + Array("old\n".utf8)))
        let other = folder.url.appendingPathComponent("other.md").path
        try FileManager.default.linkItem(atPath: path, toPath: other)
        chmod(path, 0o640)
        try FileRewriter.rewrite(path, expected: "old\n", with: "new\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == Data([0xEF, 0xBB, 0xBF] + Array("new\n".utf8)))
        #expect(try Self.mode(path) == 0o640)
        // Without other links: a new file renamed over the old one, same mode.
        let single = try folder.write("s.md", Data("old\n".utf8))
        chmod(single, 0o604)
        try FileRewriter.rewrite(single, expected: "old\n", with: "new\n")
        #expect(try Self.mode(single) == 0o604)
        #expect(try String(contentsOfFile: single, encoding: .utf8) == "new\n")
    }

    @Test func readOnlyFilesNeedForce() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.md", Data("old\n".utf8))
        chmod(path, 0o444)
        #expect(throws: InputError.self) { try FileRewriter.rewrite(path, expected: "old\n", with: "new\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try FileRewriter.rewrite(path, expected: "old\n", with: "new\n", force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try Self.mode(path) == 0o444)
    }
}
