import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The hand-written YAML 1.1 int and float matchers agree with the regular expressions they
/// replace (Yams's default resolver rules) on every short string over their alphabet.
struct YAMLScalarTypeTests {
    static let int = try! NSRegularExpression(pattern: """
        ^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$
        """)
    static let float = try! NSRegularExpression(pattern: """
        ^(?:[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?\
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$
        """)

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func handWrittenMatchersAgreeWithTheExpressions() {
        let alphabet = ["0", "1", "7", "9", "6", "_", ".", ":", "-", "+", "e", "E", "x", "b", "o", "a"]
        var strings = [""]
        var all: [String] = []
        for _ in 1...4 {
            strings = strings.flatMap { prefix in alphabet.map { prefix + $0 } }
            all += strings
        }
        all += [".inf", "-.inf", "+.Inf", ".NaN", ".nan", "-.nan", "0x1F", "0o17", "190:20:30", "1:2:3.5", "1e10", ".5e-3", ".5e3"]
        var disagreements: [String] = []
        for text in all {
            if YAMLScalarType.isInt(Array(text.utf8)) != Self.matches(Self.int, text) { disagreements.append("int \(text)") }
            if YAMLScalarType.isFloat(Array(text.utf8)) != Self.matches(Self.float, text) { disagreements.append("float \(text)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(all.count > 60_000)
    }

    @Test func typesOfPlainScalars() {
        #expect(YAMLScalarType.of("yes", tag: nil) == .bool)
        #expect(YAMLScalarType.of("~", tag: nil) == .null)
        #expect(YAMLScalarType.of("", tag: nil) == .null)
        #expect(YAMLScalarType.of("0x1f", tag: nil) == .int)
        #expect(YAMLScalarType.of("1.5", tag: nil) == .float)
        #expect(YAMLScalarType.of("openid", tag: nil) == .string)
        #expect(YAMLScalarType.of("123", tag: "tag:yaml.org,2002:str") == .string)
    }
}
