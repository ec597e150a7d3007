import Testing
@testable import GuideKit

struct InfoStringTests {
    func info(_ line: String) -> InfoString {
        InfoString.parse(line: line[...], lineNumber: 7, fenceColumn: line.firstIndex(where: { $0 == "`" || $0 == "~" })
            .map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1)
    }

    @Test func languageAndAttributes() {
        let parsed = info("```yaml {title=\"configuration.yml\" guide=\"authelia-client\"}")
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "configuration.yml")
        #expect(parsed.value(of: "guide") == "authelia-client")
        #expect(parsed.attributes[1].location == SourceLocation(line: 7, column: 36))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.raw == "yaml {title=\"configuration.yml\" guide=\"authelia-client\"}")
    }

    @Test func noSpaceBeforeBrace() {
        let parsed = info("```yaml{title=\"x\"}")
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "x")
    }

    @Test func spaceAfterFenceAndIndentedFence() {
        let parsed = info("   ``` yaml")
        #expect(parsed.language == "yaml")
        #expect(parsed.languageLocation == SourceLocation(line: 7, column: 8))
        #expect(parsed.raw == " yaml")
    }

    @Test func unclosedQuoteIsReportedAndRecovered() {
        let parsed = info("```yaml {title=\"httproute.yaml")
        #expect(parsed.language == "yaml")
        #expect(parsed.value(of: "title") == "httproute.yaml")
        #expect(parsed.problems == [.unclosedQuote(attribute: "title", at: SourceLocation(line: 7, column: 16))])
    }

    @Test func bareWordsAndTildeFences() {
        let parsed = info("~~~~ js {.numberLines linenos=table}")
        #expect(parsed.language == "js")
        #expect(parsed.attributes.map(\.name) == [".numberLines", "linenos"])
        #expect(parsed.value(of: "linenos") == "table")
    }

    @Test func attributesWithoutLanguage() {
        let parsed = info("``` {guide=\"ignore\"}")
        #expect(parsed.language == nil)
        #expect(parsed.value(of: "guide") == "ignore")
    }
}
