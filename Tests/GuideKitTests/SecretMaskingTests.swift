import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// A secret that only the application profile knows to be a secret (Gitea's `--secret`)
/// must be masked in every output, exactly like one GuideKit recognises by name.
struct SecretMaskingTests {
    static let otherSecret = "Differ3ntGiteaS3cret"

    static let gitea = """
        ### Assumptions
        - Application Root URL: `https://git.example.com/`
        - Authelia Root URL: `https://auth.example.com/`
        - Client ID: `gitea`
        - Client Secret: `insecure_secret`

        ```yaml {guide="authelia-client"}
        - client_id: 'gitea'
          client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
          redirect_uris: ['https://git.example.com/user/oauth2/authelia/callback']
        ```

        ```shell
        gitea admin auth add-oauth --name authelia --provider openidConnect --key gitea --secret \(otherSecret) --auto-discover-url https://auth.example.com/.well-known/openid-configuration
        ```

        """

    @Test func theProfileSaysSecret() {
        let guide = parse(Self.gitea, path: "gitea.md")
        let meanings = SettingMeanings(guide: guide, profiles: Checker().profiles)
        #expect(meanings.profile?.id == "gitea")
        let setting = guide.settings.first { $0.value.value == Self.otherSecret }
        #expect(setting.map(meanings.isSecret) == true)
        #expect(meanings.secretValues(in: guide).contains(Self.otherSecret))
    }

    @Test(arguments: ReportFormat.allCases)
    func maskedInEveryFormat(_ format: ReportFormat) throws {
        let guide = parse(Self.gitea, path: "gitea.md")
        let (findings, secrets, _) = Checker().check([guide])
        // The secret differs from the assumption: a finding sits on its line.
        let line = try #require(guide.settings.first { $0.value.value == Self.otherSecret }).value.location.line
        let onLine = findings[0].filter { $0.location.line == line }
        #expect(!onLine.isEmpty, "\(findings[0].map { "\($0.location) \($0.ruleID)" })")
        var report = CheckReport(findings: findings[0], files: [guide.path], sources: [guide.path: guide.source],
                                 rules: RuleRegistry.all.map(\.description))
        report.secrets = [guide.path: secrets[0]]
        let output = format.render(report, fullReport: nil)
        #expect(!output.contains(Self.otherSecret), "\(format): \(output)")
    }

    @Test func maskedInExtract() {
        let guide = parse(Self.gitea, path: "gitea.md")
        let output = ExtractionReport.render([guide], checker: Checker())
        #expect(!output.contains(Self.otherSecret))
        #expect(output.contains("\"profile\" : \"gitea\""))
    }

    /// Rules that quote a value (`profile-setting-value`: "'…' is 300 characters") never
    /// quote a secret: the checker masks every finding's message and help by value.
    @Test func messagesNeverQuoteASecret() throws {
        let long = String(repeating: "S3cr", count: 75)  // 300 characters, over Proxmox's 256
        let text = try ProjectFiles.text("docs/guides/proxmox.md").replacingOccurrences(of: "insecure_secret", with: long)
        let found = findings(text, path: "proxmox.md")
        let tooLong = found.filter { $0.ruleID == "profile-setting-value" }
        #expect(!tooLong.isEmpty, "\(found.map { "\($0.ruleID): \($0.message)" })")
        for finding in found {
            #expect(!finding.message.contains(long) && !(finding.help ?? "").contains(long) && !finding.subject.contains(long),
                    "\(finding.ruleID): \(finding.message)")
        }
        #expect(tooLong.allSatisfy { $0.message.contains("(secret)") })
    }

    /// No message spans lines or echoes a huge value.
    @Test func messagesAreOneShortLine() {
        let huge = String(repeating: "x", count: 100_000)
        let text = "### Assumptions\n- Client ID: `\(huge)`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n```\n"
        let found = findings(text)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.message.count <= 400 && !$0.message.contains("\n") && ($0.help ?? "").count <= 400 })
        #expect(Checker.oneLine("a\nb") == "a ⏎ b")
    }
}
