import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument

/// One guide in every layout GuideKit reads (Fixtures/layouts, see its README.md.txt): each
/// yields the errors of today's layout, at places in its own file.
@Suite struct LayoutTests {
    static let folder = "Tests/GuideKitTests/Fixtures/layouts/"
    static let layouts = ["authelia-2022.md", "mkdocs-material.md", "docusaurus.mdx", "details.md"]

    static func guide(_ name: String) throws -> (text: String, findings: [Finding], guide: Guide) {
        let text = try ProjectFiles.text(folder + name)
        return (text, Checker().check(path: name, text: text).1, GuideParser.parse(path: name, text: text))
    }

    /// Errors without their places: what was found, not where.
    static func errors(_ findings: [Finding]) -> [String] {
        findings.filter { $0.severity == .error }.map { "\($0.ruleID): \($0.message)" }.sorted()
    }

    @Test func todaysLayoutHasTheTwoDefects() throws {
        let today = try Self.guide("today.md")
        #expect(Self.errors(today.findings).map { $0.prefix { $0 != ":" } } == ["app-setting-mismatch", "profile-redirect-uri"])
    }

    @Test(arguments: layouts)
    func everyLayoutYieldsTodaysErrors(_ name: String) throws {
        let today = try Self.guide("today.md")
        let layout = try Self.guide(name)
        #expect(Self.errors(layout.findings) == Self.errors(today.findings))
        #expect(layout.guide.assumptions.count == 5)
        #expect(layout.guide.clients.count == 1)
        #expect(layout.guide.settings.count == today.guide.settings.count)
        #expect(!layout.findings.contains { $0.ruleID == "profile-unknown" })
    }

    /// Each error points at the defect as the file writes it: the registered redirect URI and
    /// the application's Client ID value, found on their own lines at their own columns.
    @Test(arguments: ["today.md"] + layouts)
    func errorsPointAtTheFileAsWritten(_ name: String) throws {
        let layout = try Self.guide(name)
        let lines = layout.text.split(separator: "\n", omittingEmptySubsequences: false)
        for finding in layout.findings where finding.severity == .error {
            let line = lines[finding.location.line - 1]
            let from = line.unicodeScalars.dropFirst(finding.location.column - 1)
            let wanted = finding.ruleID == "profile-redirect-uri" ? "https://proxmox.example.com:8006/callback" : "proxmox-ve"
            let written = String(String.UnicodeScalarView(from)).drop { $0 == "'" }
            #expect(written.hasPrefix(wanted), "\(name):\(finding.location.line): \(line)")
        }
    }

    /// `fix` repairs both defects in every layout, in the file's own form (inside tabs,
    /// tables and bare lists, plain or quoted), and the result checks clean of errors.
    @Test(arguments: ["today.md"] + layouts)
    func fixRepairsBothDefectsInEveryLayout(_ name: String) throws {
        let layout = try Self.guide(name)
        let outcome = try Fixer().fix(path: name, text: layout.text)
        #expect(Set(outcome.applied.filter { $0.severity == .error }.map(\.ruleID)) == ["app-setting-mismatch", "profile-redirect-uri"])
        #expect(outcome.remaining.filter { $0.severity == .error }.isEmpty)
        #expect(Self.errors(Checker().check(path: name, text: outcome.fixed).1).isEmpty)
        #expect(outcome.fixed.contains("`proxmox`") || outcome.fixed.contains("| `proxmox` |"))
        #expect(!outcome.fixed.contains("8006/callback"))
    }

    @Test func containersAreUnwrappedOnlyOutsideCode() {
        let text = """
            ```markdown
            === "Not a tab"
                indented code in a Markdown example
            ```

            === "Docker"

                ```yaml
                key: value
                ```

            After the tab.
            """
        let changes = ContainerLayout.changes(for: text.lines())
        #expect(changes[1] == nil && changes[2] == nil)
        #expect(changes[5] == .blank)
        #expect(changes[7] == .dedent(4) && changes[8] == .dedent(4) && changes[9] == .dedent(4))
        #expect(changes[11] == nil)
        let guide = parse(text)
        #expect(guide.codeBlocks.map(\.content) == ["=== \"Not a tab\"\n    indented code in a Markdown example\n", "key: value\n"])
        #expect(guide.codeBlocks[1].location == SourceLocation(line: 8, column: 5))
    }

    @Test func elementBodiesLoseTheirIndentationAndNestingIsBounded() {
        let nested = String(repeating: "<details>\n", count: 100) + "```yaml\nk: v\n```\n"
        let changes = ContainerLayout.changes(for: nested.lines())
        #expect(changes.prefix(100).allSatisfy { $0 == .blank })
        #expect(parse(nested).codeBlocks.map(\.content) == ["k: v\n"])
        let tabs = "<Tabs>\n  <TabItem value=\"a\">\n      text\n  </TabItem>\n</Tabs>\n"
        #expect(ContainerLayout.changes(for: tabs.lines()) == [.blank, .blank, .dedent(6), .blank, .blank, nil])
    }

    @Test func tablesGiveAssumptionsAndSettingsWithExactColumns() throws {
        let guide = parse("""
            ## Assumptions

            | Assumption | Value |
            |---|---|
            | **Client ID:** | `app` |
            | Authelia Root URL | `https://auth.example.com` |

            ## Application

            | Setting | Value |
            | --- | --- |
            | `OIDC_CLIENT_ID` | `app` |
            | Pipe in code | `a|b` |
            """)
        #expect(guide.assumptions.map(\.label.value) == ["Client ID", "Authelia Root URL"])
        #expect(guide.assumptions[0].rawValue?.location == SourceLocation(line: 5, column: 21))
        #expect(guide.settings.map(\.key.value) == ["OIDC_CLIENT_ID", "Pipe in code"])
        #expect(guide.settings.map(\.value.value) == ["app", "a|b"])
        #expect(guide.settings[0].key.location == SourceLocation(line: 12, column: 4))
    }

    @Test func assumptionsAreFoundWithoutTheirHeading() {
        let announced = parse("""
            ## Before You Begin

            This example makes the following assumptions:

            * __Client ID:__ `app`
            * __Client Secret:__ `s`
            """)
        #expect(announced.assumptions.map(\.label.value) == ["Client ID", "Client Secret"])
        let byLabel = parse("""
            # App

            - **Application Root URL** https://app.example.com
            - **Client ID** app
            """)
        #expect(byLabel.assumptions.count == 2)
        // An application's own settings list is not an assumptions list.
        let settings = parse("""
            ## Application

            - Client ID: `app`
            """)
        #expect(settings.assumptions.isEmpty && settings.settings.count == 1)
    }

    @Test func bareClientsAreReadButNotAnApplicationsOwnYAML() {
        let bare = parse("""
            ```yaml
            client_id: 'app'
            redirect_uris: ['https://app.example.com/cb']
            authorization_policy: 'one_factor'
            ```
            """)
        #expect(bare.clients.count == 1)
        let own = parse("""
            ## Application

            ```yaml
            oidc:
              client_id: 'app'
            client_id: 'app'
            client_secret: 'secret'
            scopes: ['openid']
            ```
            """)
        #expect(own.clients.isEmpty)
    }
}
