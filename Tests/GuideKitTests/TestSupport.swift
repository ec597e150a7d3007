import Foundation
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Files of the project itself, never the shared corpus: tests must pass in a lone clone.
enum ProjectFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// A text with `↓` markers: the markers are removed and their positions kept in order, so a
/// test states a place by pointing at it in the text rather than by counting lines.
struct MarkedText {
    var text: String
    /// Where each marker was, in order of appearance (the character after it).
    var markers: [SourceLocation]

    init(_ marked: String) {
        var line = 1
        var column = 1
        var output = ""
        var markers: [SourceLocation] = []
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                markers.append(SourceLocation(line: line, column: column))
                continue
            }
            output.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        text = output
        self.markers = markers
    }

    /// The only marker of a text that has exactly one.
    var marker: SourceLocation? { markers.count == 1 ? markers[0] : nil }
}

func parse(_ text: String, path: String = "test.md") -> Guide {
    GuideParser.parse(path: path, text: text)
}

/// The findings of a small test guide. Most test guides are about no application in
/// particular, so `profile-unknown` (no profile matches) is left out unless asked for; its own
/// behaviour is tested by its rule examples and ProfileKnowledgeTests.
func findings(_ text: String, path: String = "test.md", includingProfileUnknown: Bool = false) -> [Finding] {
    Checker().check(path: path, text: text).1.filter { includingProfileUnknown || $0.ruleID != "profile-unknown" }
}

/// A temporary folder removed when the value is dropped by the test.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("guidekit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Environment for a process a test starts: `base`, plus the sanitizer options of the test
/// run itself (an AddressSanitizer run of the suite passes them on to the tool it starts).
func childEnvironment(_ base: [String: String]) -> [String: String] {
    var environment = base
    for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "SWIFT_BACKTRACE"] {
        environment[key] = ProcessInfo.processInfo.environment[key]
    }
    return environment
}
