import Foundation
import Testing
import YAMLBridge
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideRender

/// Hostile input, round two (issue 28): each case failed before its fix. Time and memory
/// figures are measured by scripts/bench-hostile, not asserted here.
struct HostileInputTests {
    /// libyaml's work grows with the square of the nesting: the parse stops where the depth
    /// crosses the limit instead of reading the rest and refusing it afterwards.
    @Test func deepYAMLStopsAtTheDepthLimit() {
        let text = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        guard case .failure(let failure) = LibYAMLParser.events(text, limit: 100_000, maximumDepth: 1_000) else {
            Issue.record("a 50,000-deep block was parsed")
            return
        }
        #expect(failure.problem == "nested deeper than 1000 levels")
        #expect(failure.line == 1 && failure.column == 1_001)
    }

    /// `{{content}}` in a title or heading is text: the template is filled in one pass, so the
    /// page is not multiplied.
    @Test func placeholdersInAGuideAreNotExpanded() {
        #expect(HTMLPage.fill("<t>{{title}}</t>{{content}}{{unknown}}{{", with: ["title": "{{content}}", "content": "B"])
            == "<t>{{content}}</t>B{{unknown}}{{")
        let headings = (1...300).map { "## {{content}} \($0)\n\ntext\n" }.joined(separator: "\n")
        let guide = GuideParser.parse(path: "g.md", text: "# {{content}}\n\n" + headings, html: true)
        let page = HTMLPage(template: "<title>{{title}}</title><nav>{{toc}}</nav><main>{{content}}</main>").render(guide: guide, siteName: "s")
        // Once in the title, once per heading in the body and the table of contents, and the h1.
        #expect(page.components(separatedBy: "{{content}}").count - 1 == 1 + 1 + 300 * 2)
        #expect(page.utf8.count < 100_000)
    }
}
