import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Every URL the application is given, in every role (issue class 5), on the upstream-shaped
/// fixture: allowlists, provider URLs under GUI labels, scope fields under any label.
@Suite struct URLRoleTests {
    static func found(_ rule: String) throws -> [Finding] {
        let text = try ProjectFiles.text(CanaryTests.path)
        return findings(text, path: "linkhub.md").filter { $0.ruleID == rule }
    }

    static func line(of needle: String) throws -> Int {
        try ProjectFiles.text(CanaryTests.path).lineNumbers(containing: needle).first!
    }

    @Test func anAllowlistWithoutTheApplicationsHostIsAnError() throws {
        let found = try Self.found("app-allowlist")
        #expect(found.map(\.location.line) == [try Self.line(of: "LINKHUB_CSRF_TRUSTED_ORIGINS=")])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("does not include the application's own host links.example.com") == true)
    }

    /// A list of hosts of another domain is not this site's list (`notexample.com` only ends
    /// like `example.com`): nothing to compare it with.
    @Test func anAllowlistOfAnotherDomainIsLeftAlone() throws {
        let text = try ProjectFiles.text(CanaryTests.path)
        let other = text.replacingOccurrences(of: "LINKHUB_CSRF_TRUSTED_ORIGINS=https://wiki.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}",
                                              with: "LINKHUB_CSRF_TRUSTED_ORIGINS=https://wiki.notexample.com")
        #expect(other != text)
        #expect(findings(other, path: "linkhub.md").filter { $0.ruleID == "app-allowlist" }.isEmpty)
    }

    @Test func allowlistEntriesAreReadAsHostsAndPatterns() {
        #expect(AppAllowlistRule.entries(#"["https://a.example.com", 'b.example.com'] .example.com"#)
            == ["https://a.example.com", "b.example.com", ".example.com"])
        let pattern = AppAllowlistRule.host(of: "*.example.com")!
        #expect(AppAllowlistRule.covers(pattern, "links.example.com"))
        #expect(!AppAllowlistRule.covers(AppAllowlistRule.host(of: "example.com")!, "links.example.com"))
        #expect(AppAllowlistRule.covers(AppAllowlistRule.host(of: "https://links.example.com:8443/x")!, "links.example.com"))
    }

    @Test func allowlistMeaningsAreRecognisedAndOtherListsAreNot() {
        for name in ["CSRF_TRUSTED_ORIGINS", "PAPERLESS_ALLOWED_HOSTS", "trusted_domains", "Allowed Redirect Domains", "OAUTH2_PROXY_WHITELIST_DOMAINS"] {
            #expect(SettingMeaning(settingName: name) == .allowedOrigins, "\(name)")
        }
        // Lists of other sites: CORS origins, hosts that may embed the application.
        for name in ["ALLOWED_EMAIL_DOMAINS", "TRUSTED_PROXIES", "OIDC_TRUSTED_ISSUERS", "ALLOWED_GROUPS",
                     "cors_allowed_origins", "ALLOWED_ORIGINS", "ALLOWED_IFRAME_HOSTS"] {
            #expect(SettingMeaning(settingName: name) != .allowedOrigins, "\(name)")
        }
    }

    @Test func aProviderURLInAGUIStepOnTheApplicationsHostIsAnError() throws {
        let found = try Self.found("app-setting-mismatch")
        #expect(found.contains { $0.location.line == (try? Self.line(of: "Provider URL:")) && $0.message.contains("is not the Authelia Root URL") })
    }

    @Test func aScopeFieldUnderAnyLabelIsComparedWithTheClient() throws {
        let found = try Self.found("app-scopes")
        #expect(found.map(\.location.line) == [try Self.line(of: "OAuth Scope:")])
        #expect(found.first?.message.contains("'groups'") == true)
    }
}
