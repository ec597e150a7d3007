import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `guidekit fix` beyond each rule's own fix examples (which `RuleExampleTests` runs): line
/// endings, findings without a certain fix, diffs.
struct FixTests {
    static let assumptions = """
        ---
        application: none
        ---
        ### Assumptions
        - Application Root URL: `https://app.example.com/`
        - Authelia Root URL: `https://auth.example.com/`
        - Client ID: `app`
        - Client Secret: `insecure_secret`

        """

    static func guide(client: String = "- client_id: 'app'\n  redirect_uris: ['https://app.example.com/cb']", application: String = "") -> String {
        assumptions + "```yaml {guide=\"authelia-client\"}\n" + client + "\n```\n\n### Application\n\n" + application + "\n"
    }

    static func text(with line: String) -> String {
        if line.hasPrefix("- id:") || line.hasPrefix("- client_id:") {
            return guide(client: line + "\n  redirect_uris: ['https://app.example.com/cb']")
        }
        if line.hasPrefix("  ") { return guide(client: "- client_id: 'app'\n  redirect_uris: ['https://app.example.com/cb']\n" + line) }
        return guide(application: line)
    }

    @Test func exactIssuerLosesItsTrailingSlash() throws {
        let guide = Self.guide(client: "- client_id: 'app'\n  redirect_uris: ['https://app.example.com']",
                               application: "- Issuer URL: `https://auth.example.com/`")
            .replacingOccurrences(of: "application: none", with: "application: proxmox")
        let outcome = try Fixer().fix(path: "app.md", text: guide)
        #expect(outcome.applied.map(\.ruleID) == ["app-setting-mismatch"])
        #expect(outcome.fixed.contains("- Issuer URL: `https://auth.example.com`\n"))
    }

    @Test func lineEndingsAndUnrelatedBytesSurvive() throws {
        let crlf = Self.text(with: "- id: 'app'").replacingOccurrences(of: "\n", with: "\r\n")
        let outcome = try Fixer().fix(path: "app.md", text: crlf)
        #expect(outcome.fixed == crlf.replacingOccurrences(of: "- id: 'app'", with: "- client_id: 'app'"))
    }

    @Test func findingsWithoutACertainFixAreLeft() throws {
        // A redirect URI on another host: which part is wrong is a human's call.
        let text = Self.guide(client: "- client_id: 'app'\n  redirect_uris: ['https://other.example.com/cb']")
        let outcome = try Fixer().fix(path: "app.md", text: text)
        #expect(!outcome.changed)
        #expect(outcome.remaining.contains { $0.ruleID == "redirect-uri-outside-app" })
    }

    @Test func unifiedDiffShowsOnlyChangedLinesWithContext() {
        let diff = UnifiedDiff.render(path: "a.md", original: "1\n2\n3\n4\n5\n6\n7\n8\n9", fixed: "1\n2\n3\n4\nfive\n6\n7\n8\n9")
        #expect(diff == "--- a/a.md\n+++ b/a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
    }
}

/// The fixer identifies findings by fingerprint (rule and subject), as baselines and SARIF do.
struct FixerIdentityTests {
    @Test func aFixThatRenamesTheClientKeepsItsOtherFindingsAsTheSame() throws {
        // client-id-mismatch renames 'ap' to 'app'; the redirect URI on another host stays an
        // error of the same rule on the same line, though its subject now names client 'app'.
        let guide = FixTests.assumptions + """
            ```yaml {guide="authelia-client"}
            - client_id: 'ap'
              client_secret: '$plaintext$insecure_secret'
              redirect_uris: ['https://other.example.com/cb']
            ```
            """
        let parsed = parse(guide, path: "g.md")
        let before = Checker().check(parsed)
        let redirect = try #require(before.first { $0.ruleID == "redirect-uri-outside-app" })
        let outcome = try Fixer(checker: Checker()).fix(parsed)
        #expect(outcome.applied.map(\.ruleID) == ["client-id-mismatch"])
        #expect(outcome.fixed.contains("- client_id: 'app'"))
        let after = try #require(outcome.remaining.first { $0.ruleID == "redirect-uri-outside-app" })
        #expect(after.fingerprint != redirect.fingerprint, "the owner's id is part of the subject")
    }
}
