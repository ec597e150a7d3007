import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

struct InfoStringTests {
    /// Parses a fence line as line 7 of a file; `↓` markers (removed first) name places on it.
    func info(_ marked: String) -> (info: InfoString, markers: [GuideDocument.SourceLocation]) {
        let text = MarkedText(String(repeating: "\n", count: 6) + marked)
        let line = text.text.dropFirst(6)
        let parsed = InfoString.parse(line: line, lineNumber: 7, fenceColumn: line.firstIndex(where: { $0 == "`" || $0 == "~" })
            .map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1)
        return (parsed, text.markers)
    }

    @Test func languageAndAttributes() {
        let (parsed, markers) = info("```yaml {title=\"configuration.yml\" ↓guide=\"authelia-client\"}")
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "configuration.yml")
        #expect(parsed.value(of: "guide") == "authelia-client")
        #expect([parsed.attributes[1].location] == markers)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.raw == "yaml {title=\"configuration.yml\" guide=\"authelia-client\"}")
    }

    @Test func noSpaceBeforeBrace() {
        let parsed = info("```yaml{title=\"x\"}").info
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "x")
    }

    @Test func spaceAfterFenceAndIndentedFence() {
        let (parsed, markers) = info("   ``` ↓yaml")
        #expect(parsed.language == "yaml")
        #expect([parsed.languageLocation] == markers)
        #expect(parsed.raw == " yaml")
    }

    @Test func unclosedQuoteIsReportedAndRecovered() {
        let (parsed, markers) = info("```yaml {title=↓\"httproute.yaml")
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "httproute.yaml")
        #expect(parsed.problems == [.unclosedQuote(attribute: "title", at: markers[0])])
    }

    @Test func bareWordsAndTildeFences() {
        let parsed = info("~~~~ js {.numberLines linenos=table}").info
        #expect(parsed.language == "js")
        #expect(parsed.attributes.map(\.name) == [".numberLines", "linenos"])
        #expect(parsed.value(of: "linenos") == "table")
    }

    @Test func attributesWithoutLanguage() {
        let parsed = info("``` {guide=\"ignore\"}").info
        #expect(parsed.language == nil)
        #expect(parsed.value(of: "guide") == "ignore")
    }
}
