import Testing
@testable import GuideKit

/// `guidekit fix` on every fixable rule: the finding goes away, every other byte stays.
struct FixTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var before: String
        var after: String
        var path = "app.md"
        var testDescription: String { "\(rule): \(before)" }
    }

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

    static let cases: [Case] = [
        Case(rule: "client-renamed-key", before: "- id: 'app'", after: "- client_id: 'app'"),
        Case(rule: "client-renamed-key", before: "  userinfo_signing_algorithm: 'none'", after: "  userinfo_signed_response_alg: 'none'"),
        Case(rule: "client-id-mismatch", before: "- client_id: 'ap'", after: "- client_id: 'app'"),
        Case(rule: "app-setting-mismatch", before: "- Client ID: `ap`", after: "- Client ID: `app`"),
        Case(rule: "app-setting-mismatch", before: "- Issuer URL: `https://authelia.example.com`", after: "- Issuer URL: `https://auth.example.com`"),
        Case(rule: "app-base-url", before: "- Base URL: `https://app.example.org/`", after: "- Base URL: `https://app.example.com/`"),
        Case(rule: "app-redirect-uri", before: "- Redirect URI: `https://app.example.com/cb/`", after: "- Redirect URI: `https://app.example.com/cb`"),
        Case(rule: "authelia-url", before: "- Authorization URL: `https://auth.example.com/api/oidc/authorize`",
             after: "- Authorization URL: `https://auth.example.com/api/oidc/authorization`"),
        Case(rule: "authelia-url", before: "- Token URL: `https://auth.example.com/api/oidc/userinfo`",
             after: "- Token URL: `https://auth.example.com/api/oidc/token`"),
        Case(rule: "authelia-url", before: "- Token URL: `http://auth.example.com/api/oidc/token`",
             after: "- Token URL: `https://auth.example.com/api/oidc/token`"),
    ]

    static func text(with line: String) -> String {
        if line.hasPrefix("- id:") || line.hasPrefix("- client_id:") {
            return guide(client: line + "\n  redirect_uris: ['https://app.example.com/cb']")
        }
        if line.hasPrefix("  ") { return guide(client: "- client_id: 'app'\n  redirect_uris: ['https://app.example.com/cb']\n" + line) }
        return guide(application: line)
    }

    @Test(arguments: cases)
    func fixRemovesTheFindingAndTouchesNothingElse(_ fixCase: Case) throws {
        let before = Self.text(with: fixCase.before)
        let found = Checker().check(parse(before, path: fixCase.path))
        #expect(found.contains { $0.ruleID == fixCase.rule && $0.fix != nil }, "\(found.map { "\($0.ruleID): \($0.message)" })")
        let outcome = try Fixer().fix(path: fixCase.path, text: before)
        #expect(outcome.fixed == Self.text(with: fixCase.after))
        #expect(!Checker().check(parse(outcome.fixed, path: fixCase.path)).contains { $0.ruleID == fixCase.rule })
    }

    @Test func profileRedirectTrailingSlash() throws {
        let guide = Self.guide(client: "- client_id: 'app'\n  redirect_uris: ['https://app.example.com/']")
            .replacingOccurrences(of: "application: none", with: "application: proxmox")
        let outcome = try Fixer().fix(path: "app.md", text: guide)
        #expect(outcome.applied.map(\.ruleID) == ["profile-redirect-uri"])
        #expect(outcome.fixed.contains("redirect_uris: ['https://app.example.com']"))
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
