import Foundation
import PropertyBased
import SecretDigests
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `guidekit render`: substitution, secrets, determinism, versions, HTML and output.
struct RenderTests {
    static let guidePath = "docs/guides/proxmox.md"
    static func guideText() throws -> String { try ProjectFiles.text(guidePath) }
    static func template() throws -> String { try ProjectFiles.text("templates/guide.html") }

    static func site(_ yaml: String, name: String = "test") throws -> Site {
        try SiteLoader.parse(yaml, file: "\(name).yml", name: name)
    }

    static func render(_ site: Site, text: String? = nil, path: String = guidePath, seed: UInt64 = 1,
                       version: AutheliaVersion? = nil) throws -> RenderedGuide {
        var random = SeededGenerator(seed: seed)
        return try GuideRenderer(template: try template()).render(path: path, text: text ?? guideText(), site: site,
                                                                  version: version, random: &random)
    }

    static let example = """
        application_root_url: https://pve.corp.example.net:8006/
        authelia_root_url: https://sso.corp.example.net/
        client_id: pve-corp
        realm: corp-sso
        """

    @Test func renderedGuideHasTheSiteValuesAndChecksClean() throws {
        let rendered = try Self.render(try Self.site(Self.example))
        let guide = parse(rendered.markdown)
        #expect(Checker().check(guide).isEmpty)
        #expect(guide.assumption(.applicationRootURL)?.rawValue?.value == "https://pve.corp.example.net:8006/")
        #expect(guide.clients.first?.clientID?.string == "pve-corp")
        #expect(guide.clients.first?.redirectURIs.first?.string == "https://pve.corp.example.net:8006")
        let settings = Dictionary(guide.settings.map { ($0.key.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
        #expect(settings["issuer-url"] == "https://sso.corp.example.net")
        #expect(settings["realm"] == "corp-sso")
        #expect(!rendered.markdown.contains("insecure_secret"))
        #expect(!rendered.markdown.contains("The digest of"))
        // Unrelated text stays: the product name.
        #expect(rendered.markdown.contains("# Proxmox VE"))
        // The warning against the example secret now says where the generated one is kept.
        #expect(!rendered.markdown.contains("Do not use the example client secret"))
        #expect(rendered.markdown.contains("- The client secret of this guide was generated for site **test**: it is in `secrets.txt` beside this page"))
        #expect(!rendered.markdown.contains("  with `guidekit render` or"), "the warning's second line stays")
    }

    @Test func clientIDChangeLeavesHostAndProductNameAlone() throws {
        let site = try Self.site("""
            application_root_url: https://proxmox.example.com/
            authelia_root_url: https://auth.example.com/
            client_id: pve-prod
            realm: authelia
            """)
        let rendered = try Self.render(site)
        #expect(rendered.markdown.contains("https://proxmox.example.com"))
        #expect(rendered.markdown.contains("Proxmox VE"))
        #expect(rendered.markdown.contains("--client-id pve-prod"))
        #expect(!rendered.markdown.contains("client_id: 'proxmox'"))
    }

    @Test func secretsArtifactAndDigestAgree() throws {
        let rendered = try Self.render(try Self.site(Self.example))
        let secrets = try #require(rendered.artifacts.first { $0.name == "secrets.txt" })
        #expect(secrets.permissions == 0o600)
        let fields = Dictionary(secrets.content.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
        }, uniquingKeysWith: { a, _ in a })
        let secret = try #require(fields["client_secret"])
        #expect(secret.count == 72)
        #expect(rendered.markdown.contains(try #require(fields["client_secret_digest"])))
        #expect(DigestVerifier.verify(try DigestParser.parse(fields["client_secret_digest"]!), secret: secret) == .match)
        #expect(rendered.artifacts.map(\.name).sorted() == ["authelia-client.yml", "command-line.sh", "domains.cfg.fragment", "guide.html", "guide.md", "secrets.txt"])
    }

    @Test func sameSeedSameBytesOtherSeedOtherSecret() throws {
        let site = try Self.site(Self.example)
        let a = try Self.render(site, seed: 42), b = try Self.render(site, seed: 42), c = try Self.render(site, seed: 43)
        #expect(a.markdown == b.markdown && a.html == b.html && a.artifacts.map(\.content) == b.artifacts.map(\.content))
        #expect(a.markdown != c.markdown)
    }

    @Test func givenExampleSecretIsAWarning() throws {
        let rendered = try Self.render(try Self.site(Self.example + "\nclient_secret: insecure_secret"))
        #expect(rendered.warnings.contains { $0.contains("example client secret") })
        #expect(!rendered.generatedSecret)
        #expect(!rendered.artifacts.contains { $0.name == "secrets.txt" })
        // No secret was generated: the guide's own warning stays, and a short identifier
        // (the realm `authelia`) never touches the Authelia program's name in a command.
        #expect(rendered.markdown.contains("- Do not use the example client secret."))
        #expect(rendered.markdown.contains("`authelia crypto hash generate pbkdf2 --variant sha512 --random`"))
    }

    @Test func autheliaVersionRendersThatReleasesKeyNames() throws {
        let text = """
            ### Assumptions
            - Application Root URL: `https://app.example.com/`
            - Authelia Root URL: `https://auth.example.com/`
            - Client ID: `app`
            - Client Secret: `insecure_secret`

            ```yaml {guide="authelia-client"}
            - id: 'app'
              description: 'App'
              secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
              redirect_uris: ['https://app.example.com/callback']
            ```
            """
        let site = try Self.site("application_root_url: https://a.corp.net/\nauthelia_root_url: https://sso.corp.net/\nclient_id: a")
        let modern = try Self.render(site, text: text, path: "app.md", version: AutheliaVersion(4, 39))
        #expect(modern.markdown.contains("- client_id: 'a'\n  client_name: 'App'\n  client_secret: '$pbkdf2-sha512$310000$"))
        let old = try Self.render(site, text: text.replacingOccurrences(of: "- id:", with: "- client_id:"), path: "app.md",
                                  version: AutheliaVersion(4, 37))
        #expect(old.markdown.contains("- id: 'a'"))
        // The bundled guide uses keys 4.37 does not have: an error, not a broken render.
        #expect(throws: RenderError.self) { try Self.render(site, version: AutheliaVersion(4, 37)) }
    }

    @Test func upstreamGuideWithShortcodesRenders() throws {
        let text = """
            ---
            title: "App"
            ---
            ### Assumptions

            - __Application Root URL:__ `https://app.{{< sitevar name="domain" nojs="example.com" >}}/`
            - __Authelia Root URL:__ `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`
            - __Client ID:__ `app`
            - __Client Secret:__ `insecure_secret`

            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'  # The digest of 'insecure_secret'.
                    redirect_uris:
                      - 'https://app.{{< sitevar name="domain" nojs="example.com" >}}/oauth2/callback'
            ```

            ### Application

            ```shell {title=".env"}
            OIDC_ISSUER=https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}
            OIDC_CLIENT_ID=app
            OIDC_CLIENT_SECRET=insecure_secret
            ```
            """
        let site = try Self.site("application_root_url: https://files.home.arpa/\nauthelia_root_url: https://login.home.arpa/\nclient_id: files")
        var random = SeededGenerator(seed: 5)
        let rendered = try GuideRenderer(template: try Self.template()).render(path: "app/index.md", text: text, site: site, random: &random)
        #expect(!rendered.markdown.contains("sitevar"))
        #expect(rendered.markdown.contains("- 'https://files.home.arpa/oauth2/callback'"))
        #expect(rendered.markdown.contains("OIDC_ISSUER=https://login.home.arpa\n"))
        #expect(rendered.markdown.contains("OIDC_CLIENT_ID=files\n"))
        #expect(rendered.guide == "app")
        #expect(rendered.artifacts.contains { $0.name == ".env" })
    }

    @Test func htmlEscapesAndCutsInfoStrings() throws {
        let text = "---\ntitle: \"<b>T</b>\"\n---\n## A & B\n\n```yaml{title=\"x\"><script>alert(1)</script>\"}\nkey: <value>\n```\n\n<script>alert(2)</script>\n"
        let guide = parse(text)
        let html = HTMLPage(template: "<title>{{title}}</title>{{toc}}{{content}}").render(guide: guide, siteName: "s")
        #expect(html.contains("<title>&lt;b&gt;T&lt;/b&gt;</title>"))
        #expect(html.contains("<code class=\"language-yaml\">key: &lt;value&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<h2 id=\"a-b\">A &amp; B</h2>"))
        #expect(html.contains("<a href=\"#a-b\">A &amp; B</a>"))
    }

    // MARK: Sites

    struct BadSite: Sendable, CustomTestStringConvertible {
        var yaml: String
        var message: String
        var testDescription: String { message }
    }

    static let badSites: [BadSite] = [
        BadSite(yaml: "client_ld: x", message: "unknown site key 'client_ld' — did you mean 'client_id'?"),
        BadSite(yaml: "application_root_url: proxmox.example.com", message: "is not an absolute URL"),
        BadSite(yaml: "application_root_url: http://pve.example.com/", message: "use https"),
        BadSite(yaml: "application_root_url: 'https://x.example.com/\"><script>'", message: "the path may use only"),
        BadSite(yaml: "client_id: 'a b'", message: "a client id may use only A-Z a-z 0-9 . _ -"),
        BadSite(yaml: "client_id: \"<script>\"", message: "a client id may use only"),
        BadSite(yaml: "realm: pve", message: "built-in Proxmox realm"),
        BadSite(yaml: "client_secret: short", message: "at least 8 characters"),
        // Shell injection and expansion through site values (each was rendered before).
        BadSite(yaml: "authelia_root_url: 'https://sso.example.net/$(touch$IFS/tmp/x)/'", message: "the path may use only"),
        BadSite(yaml: "client_secret: 'x$(touch /tmp/x)'", message: "a client secret may use only"),
        BadSite(yaml: "client_id: '~root'", message: "a client id may use only"),
        BadSite(yaml: "client_id: '-rf'", message: "must not start with '-'"),
        BadSite(yaml: "application_root_url: 'https://pve.example.com:8006:443/'", message: "the port"),
        BadSite(yaml: "application_root_url: 'https://user:pw@pve.example.com/'", message: "user name or password"),
        BadSite(yaml: "application_root_url: 'https://pve.example.com/?a=b'", message: "query"),
        BadSite(yaml: "application_root_url: 'https://b☃cher.example.com/'", message: "'\\u{2603}' cannot be part of a host name"),
        BadSite(yaml: "authelia_version: '5.0'", message: "not a release GuideKit knows"),
        BadSite(yaml: "- a\n- b", message: "a site file is a YAML mapping"),
        BadSite(yaml: "client_id: a\n---\nclient_id: b", message: "a second one starts here"),
    ]

    @Test(arguments: badSites)
    func invalidSitesAreRefusedWithThePlace(_ bad: BadSite) {
        do {
            _ = try SiteLoader.parse(bad.yaml, file: "bad.yml", name: "bad")
            Issue.record("accepted \(bad.yaml)")
        } catch {
            #expect(error.description.contains(bad.message), "\(error)")
            #expect(error.description.hasPrefix("bad.yml"))
        }
    }

    @Test func freeTextLabelsRefuseMarkupBreakingCharacters() {
        #expect(throws: InputError.self) {
            try SiteLoader.parse("authentication_name: 'a`b'", file: "s.yml", name: "s", extraLabels: ["Authentication Name (Gitea)"])
        }
        #expect(throws: Never.self) {
            try SiteLoader.parse("authentication_name: corp-sso", file: "s.yml", name: "s", extraLabels: ["Authentication Name (Gitea)"])
        }
    }

    // MARK: Output

    @Test func outputIsAtomicAndSecretsArePrivate() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out").path
        let rendered = try Self.render(try Self.site(Self.example, name: "corp"))
        let written = try OutputWriter.write([rendered], to: out)
        #expect(written == [out + "/corp"])
        let secrets = out + "/corp/proxmox/secrets.txt"
        func mode(_ path: String) throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(try mode(secrets) == 0o600)
        // Every file that holds the plaintext secret is private, and so are the folders.
        let secret = try #require(rendered.artifacts.first { $0.name == "secrets.txt" }?.content
            .split(separator: "\n").first { $0.hasPrefix("client_secret: ") }?.dropFirst(15))
        for name in try FileManager.default.contentsOfDirectory(atPath: out + "/corp/proxmox") {
            let path = out + "/corp/proxmox/" + name
            let holdsSecret = try String(contentsOfFile: path, encoding: .utf8).contains(secret)
            #expect(try mode(path) == (holdsSecret ? 0o600 : 0o644), "\(name)")
        }
        #expect(try ["guide.md", "guide.html"].allSatisfy { try String(contentsOfFile: out + "/corp/proxmox/" + $0, encoding: .utf8).contains(secret) })
        #expect(try mode(out + "/corp") == 0o700)
        #expect(try mode(out + "/corp/proxmox") == 0o700)
        // A second write that fails leaves the first output untouched and no staging folder.
        var broken = rendered
        broken.artifacts.append(.init(name: "bad/name.txt", content: "x", permissions: 0o644))
        #expect(throws: OutputWriter.WriteError.self) { try OutputWriter.write([broken], to: out) }
        #expect(FileManager.default.fileExists(atPath: secrets))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != ".guidekit-lock" } == ["corp"])
    }

    // MARK: Properties

    /// Random valid sites: lowercase host labels, optional ports and paths, ids and realms.
    static let label = Gen.lowercaseLetter.string(of: 2...10)
    static let identifier = Gen.letterOrNumber.string(of: 1...12).map { "c" + $0 }
    static let realm = Gen.lowercaseLetter.string(of: 3...12).filter { $0 != "pve" && $0 != "pam" }
    static let port = Gen.int(in: 1024...65535).optional(valueRate: 0.3)

    @Test func randomSitesRenderCleanlyAndCompletely() async throws {
        let text = try Self.guideText()
        let template = try Self.template()
        await propertyCheck(count: 12, input: Self.label, Self.label, Self.port, Self.identifier, Self.realm) { appHost, authHost, port, id, realm in
            let app = "https://\(appHost).app.test\(port.map { ":\($0)" } ?? "")/"
            let auth = "https://\(authHost).sso.test/"
            let yaml = "application_root_url: \(app)\nauthelia_root_url: \(auth)\nclient_id: \(id)\nrealm: \(realm)\n"
            do {
                let site = try SiteLoader.parse(yaml, file: "p.yml", name: "p")
                var random = SeededGenerator(seed: UInt64(id.count * 31 + realm.count))
                let rendered = try GuideRenderer(template: template).render(path: Self.guidePath, text: text, site: site, random: &random)
                // Checks clean.
                #expect(Checker().check(parse(rendered.markdown)).isEmpty)
                // No example value left where an assumption value belongs.
                for example in ["proxmox.example.com", "auth.example.com", "insecure_secret", "c8p78n7pUMln0jzvd4aK4Q",
                                "realm add authelia", "openid: authelia", "client_id: 'proxmox'", "--client-id proxmox"] {
                    #expect(!rendered.markdown.contains(example), "\(example) left in the render for \(yaml)")
                }
                // Every site value is where its assumption was.
                let guide = parse(rendered.markdown)
                #expect(guide.assumption(.applicationRootURL)?.rawValue?.value == app)
                #expect(guide.assumption(.autheliaRootURL)?.rawValue?.value == auth)
                #expect(guide.assumption(.clientID)?.rawValue?.value == id)
                #expect(guide.assumption(.realm)?.rawValue?.value == realm)
                #expect(guide.clients.first?.clientID?.string == id)
                #expect(guide.clients.first?.redirectURIs.first?.string == WebURL(app)!.origin)
                let meanings = SettingMeanings(guide: guide, profiles: Checker().profiles)
                #expect(guide.settings.filter { meanings.meaning(of: $0) == .realm }.allSatisfy { $0.value.value == realm })
                #expect(guide.settings.filter { meanings.meaning(of: $0) == .clientID }.allSatisfy { $0.value.value == id })
                // The digest verifies against the plaintext the application gets.
                let secret = try #require(guide.assumption(.clientSecret)?.rawValue?.value)
                let digest = try #require(guide.clients.first?.node["client_secret"]?.string)
                #expect(DigestVerifier.verify(try DigestParser.parse(digest), secret: secret) == .match)
            } catch {
                Issue.record("render failed for \(yaml): \(error)")
            }
        }
    }
}

/// Host and port forms of a URL, in every place a URL can be written.
struct ReplacementPortTests {
    static func replaced(_ text: String, old: String, new: String) -> String {
        var replacements = Replacements()
        replacements.addURL(old: WebURL(old)!, new: WebURL(new)!)
        return TextEdit.apply(replacements.edits(in: Substring(text), line: 1, column: 1), to: text)
    }

    @Test(arguments: [
        // (text, old assumption, new site value, expected)
        ("https://app.example.com/cb", "https://app.example.com/", "https://pve.home.arpa:8006/", "https://pve.home.arpa:8006/cb"),
        ("https://app.example.com:443/i/oidc/", "https://app.example.com/", "https://pve.home.arpa:8006/", "https://pve.home.arpa:8006/i/oidc/"),
        ("app.example.com:443", "https://app.example.com/", "https://pve.home.arpa:8006/", "pve.home.arpa:8006"),
        ("app.example.com", "https://app.example.com/", "https://pve.home.arpa:8006/", "pve.home.arpa"),
        // Another port of the same host: the host is the site's, the port stays as written.
        ("https://app.example.com:8443/", "https://app.example.com/", "https://pve.home.arpa:8006/", "https://pve.home.arpa:8443/"),
        ("auth.example.com:9091", "https://auth.example.com", "https://sso.home.arpa/", "sso.home.arpa:9091"),
        ("https://pve.example.com:8006/x", "https://pve.example.com:8006/", "https://pve.home.arpa/", "https://pve.home.arpa/x"),
        ("pve.example.com:8006", "https://pve.example.com:8006/", "https://pve.home.arpa:9443/", "pve.home.arpa:9443"),
        ("https://app.example.com:443", "https://app.example.com/", "https://app.home.arpa/", "https://app.home.arpa"),
    ])
    func portsAreNeverDoubled(text: String, old: String, new: String, expected: String) {
        #expect(Self.replaced(text, old: old, new: new) == expected)
    }
}
