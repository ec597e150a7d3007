import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The bundled Proxmox guide checks clean, and each way of breaking it is caught at the right
/// line. Expected lines are found by searching the mutated text, independently of GuideKit.
struct ProxmoxGuideTests {
    struct Variant: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        var rule: String
        /// Text on the line the finding must point at (in the mutated guide).
        var lineContaining: String
        var testDescription: String { name }
    }

    static let variants: [Variant] = [
        Variant(name: "client_id renamed in the YAML", replace: "- client_id: 'proxmox'", with: "- client_id: 'pve'",
                rule: "client-id-mismatch", lineContaining: "client_id: 'pve'"),
        Variant(name: "redirect URI on another host", replace: "- 'https://proxmox.example.com'", with: "- 'https://pve.example.com'",
                rule: "redirect-uri-outside-app", lineContaining: "'https://pve.example.com'"),
        Variant(name: "redirect URI over http", replace: "- 'https://proxmox.example.com'", with: "- 'http://proxmox.example.com'",
                rule: "redirect-uri-outside-app", lineContaining: "'http://proxmox.example.com'"),
        Variant(name: "redirect URI on another port", replace: "- 'https://proxmox.example.com'", with: "- 'https://proxmox.example.com:8006'",
                rule: "redirect-uri-outside-app", lineContaining: ":8006'"),
        Variant(name: "GUI issuer on another host", replace: "- Issuer URL: `https://auth.example.com`", with: "- Issuer URL: `https://authelia.example.com`",
                rule: "app-setting-mismatch", lineContaining: "Issuer URL: `https://authelia"),
        Variant(name: "GUI client id differs", replace: "   - Client ID: `proxmox`", with: "   - Client ID: `pve`",
                rule: "app-setting-mismatch", lineContaining: "Client ID: `pve`"),
        Variant(name: "pveum client id differs", replace: "--client-id proxmox", with: "--client-id pve-prod",
                rule: "app-setting-mismatch", lineContaining: "--client-id pve-prod"),
        Variant(name: "pveum realm differs", replace: "pveum realm add authelia", with: "pveum realm add sso",
                rule: "app-setting-mismatch", lineContaining: "pveum realm add sso"),
        Variant(name: "domains.cfg client key differs", replace: "\tclient-key insecure_secret", with: "\tclient-key other_secret",
                rule: "app-setting-mismatch", lineContaining: "client-key other_secret"),
        Variant(name: "root URL without scheme", replace: "__Application Root URL:__ `https://proxmox.example.com/`",
                with: "__Application Root URL:__ `proxmox.example.com/`",
                rule: "assumption-value", lineContaining: "__Application Root URL:__"),
        Variant(name: "realm assumption starts with a digit", replace: "__Realm:__ `authelia`", with: "__Realm:__ `1authelia`",
                rule: "assumption-value", lineContaining: "__Realm:__"),
        Variant(name: "unterminated quote in the YAML", replace: "client_name: 'Proxmox VE'", with: "client_name: 'Proxmox VE",
                rule: "yaml-syntax", lineContaining: "client_name: 'Proxmox VE"),
        Variant(name: "bad indentation in the YAML", replace: "        public: false", with: "      public: false",
                rule: "yaml-syntax", lineContaining: "      public: false"),
        Variant(name: "assumptions removed",
                replace: "- __Application Root URL:__ `https://proxmox.example.com/`\n- __Authelia Root URL:__ `https://auth.example.com/`\n- __Client ID:__ `proxmox`\n- __Client Secret:__ `insecure_secret`\n- __Realm:__ `authelia`\n",
                with: "",
                rule: "missing-assumptions", lineContaining: "guide=\"authelia-client\""),
        Variant(name: "misspelt block role", replace: "guide=\"authelia-client\"", with: "guide=\"authelia-clients\"",
                rule: "info-string", lineContaining: "guide=\"authelia-clients\""),
    ]

    static func guideText() throws -> String { try ProjectFiles.text("docs/guides/proxmox.md") }

    @Test func bundledGuideChecksClean() throws {
        let found = findings(try Self.guideText(), path: "docs/guides/proxmox.md")
        #expect(found.isEmpty, "\(found.map { "\($0.location) \($0.ruleID) \($0.message)" })")
    }

    @Test func bundledGuideIsFullyExtracted() throws {
        let guide = parse(try Self.guideText())
        #expect(guide.assumptions.compactMap(\.kind) == [.applicationRootURL, .autheliaRootURL, .clientID, .clientSecret, .realm])
        #expect(guide.assumptions.allSatisfy { $0.value != nil })
        #expect(guide.clients.count == 1)
        #expect(guide.codeBlocks.map(\.role) == [.autheliaClient, .shell, .appSettings])
        // GUI list, pveum command and domains.cfg each name client id, secret, issuer and realm.
        for meaning in [SettingMeaning.clientID, .issuerURL, .realm, .clientIDOrSecret] {
            #expect(guide.settings.filter { $0.nameMeaning == meaning }.count == 3, "\(meaning)")
        }
    }

    @Test(arguments: variants)
    func brokenVariantIsCaughtAtTheRightLine(_ variant: Variant) throws {
        let original = try Self.guideText()
        #expect(original.contains(variant.replace), "the guide no longer contains '\(variant.replace)'")
        let text = original.replacingOccurrences(of: variant.replace, with: variant.with)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLine = try #require(lines.firstIndex { $0.contains(variant.lineContaining) }) + 1
        let found = findings(text)
        #expect(found.contains { $0.ruleID == variant.rule && $0.location.line == expectedLine },
                "expected \(variant.rule) at line \(expectedLine); got \(found.map { "\($0.location) \($0.ruleID)" })")
    }

    @Test func trailingSlashesAloneAreNotErrorsBetweenAssumptionsAndSettings() throws {
        // The assumptions may end in a slash or not: the Proxmox settings stay correct.
        let text = try Self.guideText()
            .replacingOccurrences(of: "`https://proxmox.example.com/`", with: "`https://proxmox.example.com`")
            .replacingOccurrences(of: "`https://auth.example.com/`", with: "`https://auth.example.com`")
        #expect(findings(text).isEmpty)
        // An issuer with a slash is the same place for the generic comparison: no error, only
        // a warning that libraries comparing the issuer exactly would refuse it...
        let slashedIssuer = try Self.guideText()
            .replacingOccurrences(of: "- Issuer URL: `https://auth.example.com`", with: "- Issuer URL: `https://auth.example.com/`")
        let generic = slashedIssuer.replacingOccurrences(of: "application: \"Proxmox VE\"", with: "application: \"unknown-app\"")
        #expect(findings(generic).map { "\($0.ruleID) \($0.severity)" } == ["app-setting-mismatch warning"])
        // ...but Proxmox VE compares the issuer as a string (fact sheet §4.4), so its profile
        // makes the slash an error, with a fix.
        let found = findings(slashedIssuer)
        #expect(found.map(\.ruleID) == ["app-setting-mismatch"])
        #expect(found.first?.fix?.edits.first?.replacement == "https://auth.example.com")
    }

    @Test func redirectURIsAreExactWithTheProfileAndSlashTolerantWithout() throws {
        let slashed = try Self.guideText()
            .replacingOccurrences(of: "- 'https://proxmox.example.com'", with: "- 'https://proxmox.example.com/'")
        // Proxmox sends its origin without a slash, and Authelia compares exactly.
        #expect(findings(slashed).map(\.ruleID) == ["profile-redirect-uri"])
        // Without a profile only the generic check runs, for which a slash alone is no error.
        let generic = slashed.replacingOccurrences(of: "application: \"Proxmox VE\"", with: "application: \"unknown-app\"")
        #expect(generic != slashed)
        #expect(findings(generic).isEmpty)
    }

    @Test func secretsAreNeverPrintedInFindings() throws {
        let text = try Self.guideText().replacingOccurrences(of: "--client-key insecure_secret", with: "--client-key Sup3rS3cret")
        let found = findings(text)
        #expect(found.count == 1)
        #expect(found.allSatisfy { !$0.message.contains("Sup3rS3cret") && !($0.help ?? "").contains("Sup3rS3cret") })
        #expect(found.allSatisfy { !$0.message.contains("insecure_secret") })
        // Nor in the source line under the finding.
        let guide = parse(text)
        let snippet = TextReporter().render(found[0], source: guide.source, secrets: SettingMeanings(guide: guide, profiles: Checker().profiles).secretValues(in: guide))
        #expect(snippet.contains("--client-key ***********"))
        #expect(!snippet.contains("Sup3rS3cret"))
    }
}
