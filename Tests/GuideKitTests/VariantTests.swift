import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Guides that give the application's configuration twice (a `.env` file and a compose file),
/// on a fixture shaped like an upstream Authelia guide: Hugo front matter, `sitevar`
/// shortcodes, `##### Standard` and `##### Docker Compose` variants.
@Suite struct VariantTests {
    static func upstreamFindings() throws -> [Finding] {
        findings(try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/taskboard.md"), path: "taskboard.md")
    }

    @Test func variantsThatDisagreeAreReportedWhereTheLaterOneDiffers() throws {
        let found = try Self.upstreamFindings().filter { $0.ruleID == "app-variant-mismatch" }
        let text = try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/taskboard.md")
        func line(of needle: String) -> Int { text.lineNumbers(containing: needle).first! }
        // The renamed variables are reported at the compose file's names, naming the .env's.
        let names = found.filter { $0.message.contains("the application reads one of these names") }
        #expect(Set(names.map(\.location.line)) == [line(of: "TB_OAUTH2_SCOPES:"), line(of: "TB_OAUTH2_USER_INFO_URL:")])
        #expect(names.contains { $0.message.contains("'TB_OAUTH2_SCOPE'") })
        #expect(names.contains { $0.message.contains("'TB_OAUTH2_INFO_URL'") })
        // Nothing else: the other variables agree, the .env comment is not part of the value.
        #expect(found.count == 2)
    }

    @Test func aComposeServiceNamedAfterAnotherApplicationIsReported() throws {
        let found = try Self.upstreamFindings().filter { $0.ruleID == "app-service-name" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'taskbord' looks like a misspelling of the application's name 'taskboard'") == true)
    }

    @Test func scopeListsAreComparedAsSetsAcrossVariants() throws {
        var text = try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/taskboard.md")
        text = text.replacingOccurrences(of: "TB_OAUTH2_SCOPE=openid profile email groups", with: "TB_OAUTH2_SCOPES=openid,profile,email")
        text = text.replacingOccurrences(of: "TB_OAUTH2_INFO_URL=", with: "TB_OAUTH2_USER_INFO_URL=")
        #expect(findings(text, path: "taskboard.md").filter { $0.ruleID == "app-variant-mismatch" }.isEmpty)
        text = text.replacingOccurrences(of: "TB_OAUTH2_SCOPES=openid,profile,email", with: "TB_OAUTH2_SCOPES=openid,profile,email,groups")
        let found = findings(text, path: "taskboard.md").filter { $0.ruleID == "app-variant-mismatch" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'openid,profile,email,groups' in the .env variant") == true)
    }

    @Test func aProviderIDInsideJSONIsComparedAcrossVariants() {
        // Paperless-ngx and Tandoor take django-allauth's provider list as JSON in one
        // environment variable; the two variants disagree on the provider id inside it.
        func guide(_ composeID: String) -> String {
            """
            ### Application

            ```shell {title=".env"}
            PAPERLESS_APPS=allauth.socialaccount.providers.openid_connect
            PAPERLESS_SOCIALACCOUNT_PROVIDERS={"openid_connect":{"APPS":[{"provider_id":"authelia","client_id":"paperless"}]}}
            ```

            ```yaml {title="compose.yml"}
            services:
              paperless:
                environment:
                  PAPERLESS_APPS: 'allauth.socialaccount.providers.openid_connect'
                  PAPERLESS_SOCIALACCOUNT_PROVIDERS: '{"openid_connect":{"APPS":[{"provider_id":"\(composeID)","client_id":"paperless"}]}}'
            ```
            """
        }
        let found = findings(guide("sso"), path: "paperless.md").filter { $0.ruleID == "app-variant-mismatch" }
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["13:86"])
        #expect(found.first?.message == "provider_id is 'sso' here but 'authelia' in the .env variant (line 3): readers of the two variants get different setups")
        #expect(findings(guide("authelia"), path: "paperless.md").filter { $0.ruleID == "app-variant-mismatch" }.isEmpty)
    }

    @Test func dotenvCommentsAreNotPartOfTheValue() {
        #expect(ConfigLineReader.dotenvValue("true # only behind a proxy") == "true")
        #expect(ConfigLineReader.dotenvValue("'a # b' # comment") == "a # b")
        #expect(ConfigLineReader.dotenvValue("a#b") == "a#b")
        #expect(ConfigLineReader.dotenvValue("\"quoted\"") == "quoted")
    }
}
