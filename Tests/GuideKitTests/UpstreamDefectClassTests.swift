import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The defect classes of the upstream guides' history that no other suite shows on a guide in
/// the upstream format (Hugo front matter, `sitevar` shortcodes, `{title="…"}` blocks, a GUI
/// step list): the clean fixture `Fixtures/upstream/bookshelf.md`, then one defect at a time,
/// each reported by its rule at the defect's place.
@Suite struct UpstreamDefectClassTests {
    static let path = "Tests/GuideKitTests/Fixtures/upstream/bookshelf.md"

    /// Findings (rule, line, column) on the fixture after replacing `old` by `new`.
    static func found(_ edits: (String, String)...) throws -> [Finding] {
        var text = try ProjectFiles.text(path)
        for (old, new) in edits {
            #expect(text.contains(old), "fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return findings(text, path: "bookshelf.md")
    }

    static func line(_ needle: String) throws -> Int {
        try #require(try ProjectFiles.text(path).lineNumbers(containing: needle).first)
    }

    static func at(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.ruleID)@\($0.location.line):\($0.location.column)" }
    }

    @Test func theFixtureIsCleanAsWritten() throws {
        #expect(try Self.found().isEmpty)
    }

    // Class 1: the configuration around the client.

    @Test func clientsListedDirectlyUnderOIDC() throws {
        let found = try Self.found(("    clients:\n      - client_id", "      - client_id"))
        let expectedFound = "client-block-unreadable@\(try Self.line("  oidc:")):3"
        #expect(Self.at(found) == [expectedFound])
        #expect(found.first?.message.contains("directly under 'oidc', with no 'clients:' key") == true)
    }

    @Test func aClientListNestedOneLevelTooDeep() throws {
        let found = try Self.found(("    clients:\n", "    provider:\n     clients:\n"))
        #expect(found.map(\.ruleID).contains("client-block-unreadable"))
    }

    @Test func anUnknownSiblingKeyUnderOIDC() throws {
        let found = try Self.found(("    clients:\n", "    client:\n      - client_id: 'x'\n    clients:\n"))
        let expectedFound = "config-unknown-key@\(try Self.line("    clients:")):5"
        #expect(Self.at(found) == [expectedFound])
        #expect(found.first?.message.contains("did you mean 'clients'?") == true)
    }

    @Test func aDuplicateKey() throws {
        let found = try Self.found(("        public: false\n", "        public: false\n        public: true\n"))
        let expectedFound = "yaml-syntax@\(try Self.line("        public: false") + 1):9"
        #expect(Self.at(found) == [expectedFound])
    }

    @Test func markdownInsideAYAMLValue() throws {
        let found = try Self.found(("client_id: 'bookshelf'", "client_id: '`bookshelf`'"))
        #expect(Set(found.map(\.ruleID)) == ["client-id-format", "client-id-mismatch"])
        #expect(found.allSatisfy { $0.location.line == (try? Self.line("client_id: 'bookshelf'")) })
    }

    @Test func backslashesForSlashes() throws {
        let found = try Self.found(("- 'https://books.{{<", "- 'https:\\\\books.{{<"))
        let expectedFound = "url-malformed@\(try Self.line("/oauth/callback'")):14"
        #expect(Self.at(found) == [expectedFound])
    }

    @Test func aFenceLineThatSwallowsTheFirstYAMLLine() throws {
        let found = try Self.found(("```yaml {title=\"configuration.yml\"}\nidentity_providers:", "```yaml {title=\"configuration.yml\"} identity_providers:"))
        let expectedFound = "fence-swallows-line@\(try Self.line("```yaml {title=\"configuration.yml\"}")):37"
        #expect(Self.at(found) == [expectedFound])
    }

    // Class 2: placeholders where a value belongs.

    @Test func aPlaceholderWhereTheGuideStatesTheValue() throws {
        let found = try Self.found(("Application Key: `insecure_secret`", "Application Key: `<Client Secret>`"))
        let expectedFound = "app-setting-placeholder@\(try Self.line("Application Key:")):24"
        #expect(Self.at(found) == [expectedFound])
        // The placeholder is shown (it is no secret); the stated secret is named, not shown.
        #expect(found.first?.message == "Application Key is '<Client Secret>', a name in angle brackets, where the guide states the value in its Client Secret assumption")
    }

    // Class 6: scopes and claims everywhere.

    // (Removing a line of the client moves the application's lines up by one.)
    @Test func aScopeTheClientDoesNotAllowInACodeSpanList() throws {
        let found = try Self.found(("          - 'groups'\n", ""))
        let expectedFound = "app-scopes@\(try Self.line("OAuth Scope:") - 1):20"
        #expect(Self.at(found) == [expectedFound])
    }

    @Test func aClaimRegisteredAsAScope() throws {
        let found = try Self.found(("          - 'groups'\n", "          - 'groups'\n          - 'preferred_username'\n"))
        #expect(found.map(\.ruleID) == ["client-scope-unknown"])
        #expect(found.first?.message.contains("is a claim, not a scope: the scope 'profile' delivers it") == true)
    }

    @Test func aClaimMappedWithoutTheScopeThatDeliversIt() throws {
        let found = try Self.found(("          - 'groups'\n", ""), ("`email` `groups`", "`email`"))
        let expectedFound = "app-claim-scope@\(try Self.line("Groups Claim:") - 1):21"
        #expect(Self.at(found) == [expectedFound])
        // Switched off ("Map Groups: Disabled"), the groups claim is not read: nothing to report.
        #expect(try Self.found(("          - 'groups'\n", ""), ("`email` `groups`", "`email`"), ("Map Groups: Enabled", "Map Groups: Disabled")).isEmpty)
    }

    // Class 8: labels.

    @Test func applicationIDAndEndpointURLLabelsAreRead() throws {
        let id = try Self.found(("Application ID: `bookshelf`", "Application ID: `books`"))
        let expectedId = "app-setting-mismatch@\(try Self.line("Application ID:")):23"
        #expect(Self.at(id) == [expectedId])
        let endpoint = try Self.found(("/api/oidc/token`", "/api/oidc/tokens`"))
        #expect(endpoint.map(\.ruleID) == ["authelia-url"])
        #expect(endpoint.first?.location.line == (try Self.line("Token Endpoint URL:")))
        #expect(endpoint.first?.message.contains("did you mean '/api/oidc/token'?") == true)
    }
}
