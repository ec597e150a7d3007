import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

struct ProfileTests {
    @Test func bundledProfilesLoadAndValidate() throws {
        let profiles = try ProfileLoader.bundledResult.get()
        #expect(profiles.count >= 30)
        #expect(Set(profiles.map(\.id)).isSuperset(of: ["forgejo", "gitea", "grafana", "immich", "nextcloud", "portainer", "proxmox"]))
        // A profile's documentation link, when it has one, is a web page.
        for profile in profiles { #expect(profile.docs.map { $0.hasPrefix("https://") || $0.hasPrefix("http://") } ?? true, "\(profile.id)") }
        let proxmox = try #require(profiles.first { $0.id == "proxmox" })
        // Every realm option of the Proxmox fact sheet.
        let keys = Set(proxmox.settings.map(\.key))
        for option in ["issuer-url", "realm", "client-id", "client-key", "scopes", "username-claim", "groups-claim",
                       "autocreate", "groups-autocreate", "groups-overwrite", "default", "query-userinfo", "prompt",
                       "acr-values", "audiences", "comment", "type"] {
            #expect(keys.contains(option), "\(option)")
        }
        #expect(proxmox.setting(named: "--client-key")?.meaning == .clientSecret)
        #expect(proxmox.setting(named: "Client Key")?.meaning == .clientSecret)
        let grafana = try #require(profiles.first { $0.id == "grafana" })
        #expect(grafana.setting(named: "GF_AUTH_GENERIC_OAUTH_API_URL")?.meaning == .endpoint(.userinfo))
        #expect(grafana.setting(named: "GF_SERVER_ROOT_URL")?.meaning == .appBaseURL)
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        var yaml: String
        var message: String
        var line: Int
        var testDescription: String { message }
    }

    static let broken: [Broken] = [
        Broken(yaml: "id: x\nname: X\nsetting: []\n", message: "unknown profile key 'setting' — did you mean 'settings'?", line: 3),
        Broken(yaml: "id: x\nname: X\nsettings:\n  - key: a\n    meaning: client-id\n", message: "unknown meaning 'client-id'", line: 5),
        Broken(yaml: "id: x\nname: X\nsettings:\n  - key: a\n    pattern: '[a-'\n", message: "pattern is not a valid regular expression", line: 5),
        Broken(yaml: "id: X Y\nname: X\nsettings: []\n", message: "id 'X Y' must use only a-z, 0-9 and '-'", line: 1),
        Broken(yaml: "id: x\nname: X\nredirect_uris: ['/callback']\nsettings: []\n", message: "must start with {origin}, {root}, {setting:KEY} or a scheme", line: 3),
        Broken(yaml: "id: x\nname: [X]\nsettings: []\n", message: "name must be a non-empty string", line: 2),
        Broken(yaml: "id: x\nname: X\nsettings:\n  - key: a\n    typ: url\n", message: "unknown setting key 'typ' — did you mean 'type'?", line: 5),
        Broken(yaml: "id: x\nname: 'X\n", message: "invalid YAML", line: 2),
        Broken(yaml: "id: x\nname: X\ntoken_auth_method:\n  default: basic\nsettings: []\n",
               message: "'basic' is not a valid token_auth_method", line: 4),
        Broken(yaml: "id: x\nname: X\ntoken_auth_method:\n  setting: auth\nsettings: []\n",
               message: "token_auth_method.setting 'auth' is not one of the profile's settings", line: 4),
        Broken(yaml: "id: x\nname: X\nclaims_from:\n  default: idtoken\nsettings: []\n",
               message: "'idtoken' is not a valid claims_from (expected one of any, id_token, userinfo)", line: 4),
        Broken(yaml: "id: x\nname: X\nclaims_from:\n  default: id_token\n  claims: [groups, grups]\nsettings: []\n",
               message: "'grups' is not a claim a scope delivers", line: 5),
        Broken(yaml: "id: x\nname: X\npkce:\n  claims: [groups]\nsettings: []\n",
               message: "unknown pkce key 'claims'", line: 4),
        Broken(yaml: "id: x\nname: X\npkce:\n  methods: [S256]\nsettings: []\n",
               message: "unknown pkce key 'methods'", line: 4),
        // Every fact names its source, and never an Authelia guide.
        Broken(yaml: "id: x\nname: X\npkce:\n  default: S256\nsettings: []\n",
               message: "the fact 'pkce' has no source", line: 4),
        Broken(yaml: "id: x\nname: X\npkce:\n  default: S256\nsources:\n  pkce: 'https://www.authelia.com/integration/openid-connect/x/'\nsettings: []\n",
               message: "cites Authelia's documentation or repository", line: 6),
        Broken(yaml: "id: x\nname: X\nlibrary: authlb\nsettings: []\n",
               message: "unknown library 'authlb' — did you mean 'authlib'?", line: 3),
        Broken(yaml: "id: x\nname: X\nversions:\n  - {fact: pkce, range: 'sometime', value: {default: none}, source: 'a/b@1 c.go F'}\nsettings: []\n",
               message: "'sometime' is not a release range", line: 4),
        Broken(yaml: "id: x\nname: X\nredirect_uris: ['{root}/sso/{setting:name}']\nsettings: []\n",
               message: "names {setting:name}, which is not one of the profile's settings", line: 3),
    ]

    @Test(arguments: broken)
    func brokenProfileIsAClearError(_ case_: Broken) {
        do {
            _ = try ProfileLoader.parse(case_.yaml, file: "broken.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(case_.message), "\(error)")
            #expect(error.location?.line == case_.line, "\(error)")
            #expect(error.description.hasPrefix("broken.yml:\(case_.line):"))
        }
    }

    @Test func guidesFindTheirProfile() throws {
        let profiles = try ProfileLoader.bundledResult.get()
        func id(_ path: String, _ text: String) -> String? {
            ProfileMatcher.profile(for: parse(text, path: path), in: profiles)?.id
        }
        #expect(id("docs/guides/pve.md", "---\napplication: Proxmox VE\n---\n# x\n") == "proxmox")
        #expect(id("guides/grafana.md", "# anything\n") == "grafana")
        #expect(id("clients/immich/index.md", "# anything\n") == "immich")
        #expect(id("guide.md", "---\ntitle: \"Portainer\"\n---\n") == "portainer")
        #expect(id("grafana.md", "---\napplication: none\n---\n") == nil)
    }

    @Test func extraProfilesFolderIsValidatedToo() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("app.yml", Data("id: app\nname: App\nredirect_uris: ['{root}/cb']\nsettings:\n  - key: APP_CLIENT\n    meaning: client_id\nsources:\n  redirect_uris: 'example/app@1.0 routes.go Callback'\n  settings: 'example/app@1.0 config.go Config'\n".utf8))
        let loaded = try ProfileLoader.load(directory: folder.url.path)
        #expect(loaded.map(\.id) == ["app"])
        _ = try folder.write("bad.yml", Data("id: app\nname: Clash\nsettings: []\n".utf8))
        #expect(throws: InputError.self) { try ProfileLoader.load(directory: folder.url.path) }
    }

    @Test func profileMeaningsReachTheMismatchCheck() throws {
        // Gitea's `--key` is the client id only by its profile; a wrong one is caught.
        let guide = MarkedText("---\napplication: gitea\n---\n### Assumptions\n- Client ID: `gitea`\n\n### Application\n\n1. Run `gitea admin auth add-oauth --name=authelia --key=↓gita`\n")
        let found = findings(guide.text).filter { $0.ruleID == "app-setting-mismatch" }
        #expect(found.map(\.location) == guide.markers)
    }

    @Test func oneWordNamesMatchOnlyWholeSettingNames() throws {
        let forgejo = try #require(try ProfileLoader.bundledResult.get().first { $0.id == "forgejo" })
        #expect(forgejo.setting(named: "--key")?.meaning == .clientID)
        #expect(forgejo.setting(named: "--attribute-ssh-public-key") == nil)
    }

    /// Every bundled profile whose redirect URIs derive from the Application Root URL alone:
    /// a guide (named as the profile matches) that registers them is clean, one that registers
    /// another path is told the exact URI to register.
    @Test func everyProfilesRedirectURIsAreRequiredExactly() throws {
        let root = "https://app.example.com"
        for profile in try ProfileLoader.bundledResult.get() {
            let templates = profile.redirectURIs.compactMap(\.alternatives.first)
            // Only URIs the root alone (and a provider name) decides: an alternative that is a
            // setting's whole value (an override URL) is judged only when the guide sets it.
            guard !templates.isEmpty, templates.allSatisfy({ !$0.contains("{assumption:") }),
                  profile.redirectURIs.allSatisfy({ $0.alternatives.allSatisfy { $0.hasPrefix("{root}") || $0.hasPrefix("{origin}") } }),
                  let file = profile.matchFiles.first else { continue }
            // A path built from the application's own setting (a provider name): the guide sets it.
            let settingKeys = Array(Set(profile.redirectURIs.flatMap(\.alternatives).flatMap(ApplicationProfile.settingKeys(inTemplate:)))).sorted()
            var uris = templates.map { $0.replacingOccurrences(of: "{root}", with: root).replacingOccurrences(of: "{origin}", with: root) }
            for key in settingKeys { uris = uris.map { $0.replacingOccurrences(of: "{setting:\(key)}", with: "sso-test") } }
            let application = settingKeys.isEmpty ? "" : "\n### Application\n" + settingKeys.map { "- \($0): `sso-test`\n" }.joined()
            func guide(_ registered: [String]) -> String {
                application + """
                ### Assumptions
                - Application Root URL: `\(root)/`
                - Authelia Root URL: `https://auth.example.com/`
                - Client ID: `app`

                ```yaml {guide="authelia-client"}
                identity_providers:
                  oidc:
                    clients:
                      - client_id: 'app'
                        public: true
                        authorization_policy: 'one_factor'
                        redirect_uris: [\(registered.map { "'\($0)'" }.joined(separator: ", "))]
                ```
                """
            }
            let clean = findings(guide(uris), path: "\(file).md").filter { $0.ruleID == "profile-redirect-uri" }
            #expect(clean.isEmpty, "\(profile.id): \(clean.map(\.message))")
            let wrong = findings(guide(["\(root)/wrong/callback"]), path: "\(file).md").filter { $0.ruleID == "profile-redirect-uri" }
            #expect(!wrong.isEmpty, "\(profile.id)")
            #expect(wrong.contains { $0.message.contains(uris[0]) || ($0.help ?? "").contains(uris[0]) }, "\(profile.id): \(wrong.map(\.message))")
        }
    }

    /// Grafana's `auth_style` decides how it authenticates at the token endpoint: InParams is
    /// the request body, InHeader HTTP Basic, AutoDetect either (not checked).
    @Test(arguments: [("InParams", true), ("InHeader", false), ("AutoDetect", false)])
    func grafanasAuthStyleMustMatchTheClient(style: String, reported: Bool) {
        let guide = """
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`
            - Client ID: `grafana`

            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'grafana'
                    client_secret: 'insecure_secret'
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://grafana.example.com/login/generic_oauth']
            ```

            ### Application
            ```ini {guide="app-settings"}
            client_id = grafana
            auth_style = \(style)
            ```
            """
        let found = findings(guide, path: "grafana.md").filter { $0.ruleID == "profile-auth-method" }
        #expect(found.isEmpty == !reported)
        if reported {
            #expect(found.first?.message.contains("Grafana sends the client secret with client_secret_post (its auth_style is 'InParams'), but client 'grafana' expects client_secret_basic") == true)
        }
    }
}

/// Where the application reads claims (profile `claims_from:`), on the bundled Proxmox guide:
/// Proxmox queries the userinfo endpoint unless the realm's "Query userinfo endpoint" is off.
@Suite struct ClaimsLocationTests {
    static func guide(_ edit: (String) -> String = { $0 }) throws -> [Finding] {
        findings(edit(try ProjectFiles.text("docs/guides/proxmox.md")), path: "proxmox.md").filter { $0.ruleID == "profile-claims-location" }
    }

    @Test func theDefaultReadsUserinfoAndNeedsNoClaimsPolicy() throws {
        #expect(try Self.guide().isEmpty)
    }

    @Test func switchingUserinfoOffNeedsAClaimsPolicy() throws {
        for written in ["- Query userinfo endpoint: Disabled", "- Query userinfo endpoint: `0`"] {
            let found = try Self.guide { $0.replacingOccurrences(of: "   - Username Claim: `preferred_username`",
                                                                 with: "   - Username Claim: `preferred_username`\n   \(written)") }
            #expect(found.count == 1, "\(written)")
            #expect(found.first?.message.contains("the application gets no preferred_username") == true)
            #expect(found.first?.help?.contains("set query-userinfo to 'true'") == true)
        }
        // The command-line variant says the same with --query-userinfo 0.
        let viaCLI = try Self.guide { $0.replacingOccurrences(of: "  --username-claim preferred_username \\", with: "  --username-claim preferred_username --query-userinfo 0 \\") }
        #expect(viaCLI.count == 1)
    }

    @Test func aClaimsPolicyListingTheClaimsSatisfiesIt() throws {
        func withPolicy(_ listed: String) throws -> [Finding] { try Self.guide {
            $0.replacingOccurrences(of: "   - Username Claim: `preferred_username`", with: "   - Username Claim: `preferred_username`\n   - Query userinfo endpoint: Disabled")
                .replacingOccurrences(of: "      - client_id: 'proxmox'", with: "      - client_id: 'proxmox'\n        claims_policy: 'proxmox'")
                .replacingOccurrences(of: "    clients:", with: "    claims_policies:\n      proxmox:\n        id_token: [\(listed)]\n    clients:")
        } }
        #expect(try withPolicy("'preferred_username', 'email'").isEmpty)
        let missing = try withPolicy("'email'")
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("no preferred_username") == true)
    }
}

/// The knowledge model: every fact cites the application's or library's own source, library
/// facts reach the applications that name the library, and versions decide which fact holds.
struct ProfileKnowledgeTests {
    @Test func everyBundledFactHasAnOwnSource() throws {
        let profiles = try ProfileLoader.bundledResult.get()
        let libraries = try ProfileLoader.bundledLibraries()
        #expect(profiles.count >= 170 && libraries.count >= 20)
        for (id, facts) in profiles.map({ ($0.id, $0.facts.named) }) + libraries.map({ ($0.id, $0.facts.named) }) {
            for fact in facts {
                #expect(!fact.citations.isEmpty, "\(id): \(fact.name) has no source")
                for citation in fact.citations {
                    #expect(ProfileReader.citationProblem(citation) == nil, "\(id): \(fact.name): \(citation)")
                }
            }
        }
        for profile in profiles where !profile.settings.isEmpty {
            #expect(profile.sources["settings"] != nil || profile.docs != nil, "\(profile.id): settings without a source")
        }
    }

    static let library = """
        id: testlib
        name: Test library
        kind: library
        token_auth_method: {default: client_secret_basic}
        pkce: {default: none}
        versions:
          - {fact: token_auth_method, range: '>=2.0', value: {default: client_secret_post}, source: 'example/testlib@2.0 client.go Exchange'}
        sources:
          token_auth_method: 'example/testlib@1.9 client.go Exchange'
          pkce: 'example/testlib@1.9 client.go AuthURL'
        """

    func application(_ extra: String) throws -> ApplicationProfile {
        let library = try ProfileLoader.parseLibrary(Self.library, file: "testlib.yml")
        return try ProfileLoader.parse("id: app\nname: App\nlibrary: testlib\n\(extra)settings: []\n", file: "app.yml", libraries: [library])
    }

    @Test func libraryFactsReachTheApplicationUnlessItStatesItsOwn() throws {
        let inherits = try application("library_versions: '>=1.0 <2.0'\n")
        #expect(inherits.tokenAuthMethod?.defaultValue == "client_secret_basic")
        #expect(inherits.facts.tokenAuthMethod?.library == "testlib")
        #expect(inherits.pkce?.defaultValue == "none")
        // Its own fact wins; a fact it lists as unknown is not inherited.
        let own = try application("pkce: {default: S256}\nunknown:\n  token_auth_method: 'not read'\nsources:\n  pkce: 'example/app@1 login.go Start'\n")
        #expect(own.pkce?.defaultValue == "S256")
        #expect(own.tokenAuthMethod == nil)
    }

    @Test func libraryVersionsDecideWhichFactHolds() throws {
        #expect(try application("library_versions: '>=2.1'\n").tokenAuthMethod?.defaultValue == "client_secret_post")
        #expect(try application("library_versions: '~=1.5'\n").tokenAuthMethod?.defaultValue == "client_secret_basic")
        // A range across the change, or no range at all: the releases disagree, so unknown.
        #expect(try application("library_versions: '>=1.5 <3'\n").tokenAuthMethod == nil)
        #expect(try application("").tokenAuthMethod == nil)
        // The fact every release agrees on still holds.
        #expect(try application("").pkce?.defaultValue == "none")
    }

    @Test func applicationVersionsComeFromTheGuidesTestedVersions() throws {
        let profile = try ProfileLoader.parse("""
            id: app
            name: Appy
            match: {titles: [Appy]}
            pkce: {default: S256}
            versions:
              - {fact: pkce, range: '<3.0', value: {default: none}, source: 'example/appy@2.9 login.go Start'}
            sources:
              pkce: 'example/appy@3.0 login.go Start'
            settings: []
            """, file: "appy.yml", libraries: [])
        #expect(profile.pkce == nil, "no release known: the releases disagree")
        func guide(_ versions: String) -> Guide { parse("## Tested Versions\n\n\(versions)\n## Next\n", path: "appy.md") }
        #expect(profile.resolved(for: guide("- [Authelia]\n  - [v4.39.0](https://x)\n- [Appy]\n  - [v2.5.1](https://y)\n")).pkce?.defaultValue == "none")
        #expect(profile.resolved(for: guide("- Authelia v4.39\n- Appy 3.2\n")).pkce?.defaultValue == "S256")
        #expect(profile.resolved(for: guide("- Appy 2.5 and 3.2\n")).pkce == nil, "two releases on both sides of the change")
        // A version outside every range: the base fact.
        #expect(profile.resolved(applicationVersion: SoftwareVersion("10")).pkce?.defaultValue == "S256")
    }

    @Test func aGuideNamingNoKnownApplicationIsToldSo() {
        let typo = findings("---\napplication: proxmx\n---\n# x\n", includingProfileUnknown: true).filter { $0.ruleID == "profile-unknown" }
        #expect(typo.first?.message.contains("did you mean 'proxmox'?") == true)
        let unmatched = findings("# Gitea-ish\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n```\n", path: "gitee.md",
                                 includingProfileUnknown: true).filter { $0.ruleID == "profile-unknown" }
        #expect(unmatched.first?.help?.contains("application: gitea") == true, "\(unmatched)")
        #expect(findings("# Proxmox\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n```\n", path: "proxmox.md",
                         includingProfileUnknown: true).allSatisfy { $0.ruleID != "profile-unknown" })
    }

    @Test func versionRangesReadPackageManagerShorthands() throws {
        let range = try #require(VersionRange("~=65.0"))
        #expect(range.contains(SoftwareVersion("65.13.1")!) && !range.contains(SoftwareVersion("66.0")!))
        let caret = try #require(VersionRange("^5.7.1"))
        #expect(caret.contains(SoftwareVersion("5.9")!) && !caret.contains(SoftwareVersion("6.0.0")!) && !caret.contains(SoftwareVersion("5.7.0")!))
        #expect(VersionRange(">=1.2 <2.0")!.covers(VersionRange("~=1.5")!))
        #expect(!VersionRange(">=1.2 <2.0")!.covers(VersionRange(">=1.5")!))
        #expect(VersionRange("<2.0")!.overlaps(VersionRange(">=1.9")!) && !VersionRange("<2.0")!.overlaps(VersionRange(">=2.0")!))
        #expect(VersionRange("soon") == nil)
    }
}

/// docs/PROFILES.md lists the profiles from the data, and every corpus-style guide matches one.
struct ProfileCatalogTests {
    @Test func committedCatalogueMatchesTheProfiles() throws {
        let doc = try ProjectFiles.text("docs/PROFILES.md")
        let start = try #require(doc.range(of: ProfileCatalog.begin))
        let end = try #require(doc.range(of: ProfileCatalog.end))
        let committed = String(doc[start.lowerBound..<end.upperBound])
        let generated = ProfileCatalog.markdown(profiles: try ProfileLoader.bundledResult.get(), libraries: try ProfileLoader.bundledLibraries())
        #expect(committed == generated, "run: swift run guidekit profiles --markdown, and paste it over the catalogue of docs/PROFILES.md")
    }

    @Test func applicationsBeyondTheCorpusAreProfilesWithAReason() throws {
        let doc = try ProjectFiles.text("docs/PROFILES.md")
        let section = try #require(doc.components(separatedBy: "## Beyond the corpus").dropFirst().first?.components(separatedBy: "## Catalogue").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| id ") }
        #expect(rows.count >= 30)
        let ids = Set(try ProfileLoader.bundledResult.get().map(\.id))
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(ids.contains(cells[0]), "\(cells[0]) has no profile")
            #expect(cells.count >= 3 && cells[2].count > 20, "\(cells[0]) needs a reason")
        }
    }
}
