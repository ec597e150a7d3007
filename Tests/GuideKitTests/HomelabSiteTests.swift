import Foundation
import PropertyBased
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// One site file for a whole homelab: a domain, optional per-application sections.
struct HomelabSiteTests {
    static let guides = ["docs/guides/proxmox.md", "Tests/GuideKitTests/Fixtures/homelab/grafana.md"]

    /// Renders into `folder` (kept by the caller while it reads the output).
    static func render(_ yaml: String, in folder: TemporaryFolder, guides: [String] = guides, seed: UInt64 = 9) throws -> (RenderPipeline.Outcome, String) {
        let site = try folder.write("home.yml", Data(yaml.utf8))
        let out = folder.url.appendingPathComponent("out").path
        let pipeline = RenderPipeline(renderer: GuideRenderer(template: try ProjectFiles.text("templates/guide.html")), seed: seed)
        let paths = guides.map { ProjectFiles.root.appendingPathComponent($0).path }
        return (try pipeline.run(guides: paths, sites: [site], output: out), out + "/home")
    }

    /// Every file of one rendered guide, by name.
    static func files(_ folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return files
    }

    @Test func aDomainAloneDerivesEveryHostAndKeepsTheGuidesNames() throws {
        let folder = try TemporaryFolder()
        let (outcome, out) = try Self.render("domain: home.arpa\n", in: folder)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let proxmox = try Self.files(out + "/proxmox"), grafana = try Self.files(out + "/grafana")
        #expect(proxmox["guide.md"]?.contains("Application Root URL:__ `https://proxmox.home.arpa/`") == true)
        #expect(proxmox["guide.md"]?.contains("Authelia Root URL:__ `https://auth.home.arpa/`") == true)
        #expect(proxmox["command-line.sh"]?.contains("--client-id proxmox") == true)
        #expect(grafana["grafana.ini.fragment"]?.contains("root_url = https://grafana.home.arpa") == true)
        #expect(grafana["grafana.ini.fragment"]?.contains("auth_url = https://auth.home.arpa/api/oidc/authorization") == true)
        for (name, text) in proxmox.merging(grafana, uniquingKeysWith: { $0 + $1 }) {
            #expect(!text.contains("example.com"), "\(name) still names example.com")
        }
        // Each guide got its own fresh secret.
        #expect(proxmox["secrets.txt"] != nil && grafana["secrets.txt"] != nil && proxmox["secrets.txt"] != grafana["secrets.txt"])
    }

    @Test func applicationSectionsGiveEachGuideItsOwnValues() throws {
        let folder = try TemporaryFolder()
        let (outcome, out) = try Self.render("""
            domain: home.arpa
            authelia_subdomain: sso
            apps:
              proxmox:
                application_root_url: https://pve.home.arpa:8006/
                client_id: pve-home
                realm: homelab
              grafana:
                client_id: grafana-home
            """, in: folder)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let proxmox = try Self.files(out + "/proxmox"), grafana = try Self.files(out + "/grafana")
        #expect(proxmox["command-line.sh"]?.contains("pveum realm add homelab --type openid") == true)
        #expect(proxmox["command-line.sh"]?.contains("--issuer-url https://sso.home.arpa") == true)
        #expect(proxmox["authelia-client.yml"]?.contains("- client_id: 'pve-home'") == true)
        #expect(proxmox["authelia-client.yml"]?.contains("'https://pve.home.arpa:8006'") == true)
        #expect(grafana["grafana.ini.fragment"]?.contains("client_id = grafana-home") == true)
        #expect(grafana["authelia-client.yml"]?.contains("'https://grafana.home.arpa/login/generic_oauth'") == true)
    }

    @Test(arguments: [
        ("domain: home.arpa\napps:\n  grafna:\n    client_id: g\n", "home.yml:3:3: the application section 'grafna' names no guide being rendered — did you mean 'grafana'?"),
        ("domain: home.arpa\napps:\n  grafana:\n    clent_id: g\n", "home.yml:4:5: unknown site key 'clent_id' — did you mean 'client_id'?"),
        ("domain: 'home arpa'\n", "home.yml:1:9: 'domain': 'home arpa' is not a host name label"),
        ("domain: home.arpa\nauthelia_subdomain: a.b\n", "home.yml:2:21: 'authelia_subdomain' is one name without dots"),
        ("domain: home.arpa\napps:\n  grafana:\n    authelia_version: '4.38'\n", "home.yml:4:5: unknown site key 'authelia_version'"),
    ])
    func mistakesAreErrorsWithTheirPlace(yaml: String, expected: String) throws {
        do {
            _ = try Self.render(yaml, in: TemporaryFolder())
            Issue.record("accepted:\n\(yaml)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test func severalSitesAndSeveralGuidesNeedMatrix() throws {
        let folder = try TemporaryFolder()
        let sites = try ["a", "b"].map { try folder.write("\($0).yml", Data("domain: \($0).test\n".utf8)) }
        var pipeline = RenderPipeline(renderer: GuideRenderer(template: try ProjectFiles.text("templates/guide.html")), seed: 1)
        let guides = Self.guides.map { ProjectFiles.root.appendingPathComponent($0).path }
        let out = folder.url.appendingPathComponent("out").path
        #expect(throws: InputError.self) { try pipeline.run(guides: guides, sites: sites, output: out) }
        pipeline.matrix = true
        let outcome = try pipeline.run(guides: guides, sites: sites, output: out)
        #expect(outcome.rendered.count == 4 && outcome.failures.isEmpty)
    }

    /// Random homelab files for random subsets of the guides: every guide renders clean
    /// (the render re-checks it), every value the file gives lands, nothing of the example
    /// site remains in any file, and every file with a secret is private.
    @Test func randomHomelabFilesRenderEveryValueAndNothingOfTheExample() async throws {
        let label = Gen.oneOf(Gen.always("home"), Gen.always("lab"), Gen.always("int"), Gen.always("my-net"), Gen.always("x1"))
        await propertyCheck(count: 12, input: label, label, Gen.int(in: 0...3), Gen.int(in: 1...3), Gen.int(in: 1000...65000)) {
            first, second, shape, subset, port in
            let domain = "\(first).\(second).arpa"
            var yaml = "domain: \(domain)\n"
            if shape & 1 == 1 { yaml += "authelia_subdomain: sso\n" }
            var expected: [String: [String]] = [
                "proxmox": ["https://proxmox.\(domain)", "auth"],
                "grafana": ["https://grafana.\(domain)"],
            ]
            if shape & 2 == 2 {
                yaml += "apps:\n  proxmox:\n    application_root_url: https://pve.\(domain):\(port)/\n    client_id: pve-\(first)\n"
                expected["proxmox"] = ["https://pve.\(domain):\(port)", "pve-\(first)"]
            }
            let chosen = subset == 3 ? Self.guides : [Self.guides[subset - 1]]
            let folder = try TemporaryFolder()
            let (outcome, out) = try Self.render(yaml, in: folder, guides: chosen, seed: UInt64(port))
            #expect(outcome.failures.isEmpty, "\(yaml)\n\(outcome.failures)")
            for guide in chosen.map({ Guide.name(forPath: $0) }) {
                let files = try Self.files(out + "/" + guide)
                let all = files.values.joined()
                for value in expected[guide] ?? [] where value != "auth" {
                    #expect(all.contains(value), "\(guide): \(value) missing for\n\(yaml)")
                }
                let authelia = (shape & 1 == 1 ? "sso." : "auth.") + domain
                #expect(all.contains("https://\(authelia)"), "\(guide): Authelia host missing")
                #expect(!all.contains("example.com"), "\(guide): example.com left for\n\(yaml)")
                for name in files.keys where files[name]?.contains("client_secret: ") == true && name == "secrets.txt" {
                    let mode = try FileManager.default.attributesOfItem(atPath: out + "/\(guide)/\(name)")[.posixPermissions] as? Int
                    #expect(mode == 0o600)
                }
            }
        }
    }
}

/// The site index: every application, and all clients joined into one checked list.
extension HomelabSiteTests {
    @Test func theSiteIndexListsEveryApplicationAndJoinsTheirClients() throws {
        let folder = try TemporaryFolder()
        let (outcome, out) = try Self.render("domain: home.arpa\napps:\n  proxmox:\n    client_id: pve\n", in: folder)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(index.contains("- **[Grafana](grafana/guide.html)** — client `grafana`, redirect URI `https://grafana.home.arpa/login/generic_oauth`"))
        #expect(index.contains("- **[Proxmox VE](proxmox/guide.html)** — client `pve`, redirect URI `https://proxmox.home.arpa`"))
        // The joined list is YAML Authelia reads: both clients, each as its guide has it.
        let parsed = GuideParser.parse(path: "index.md", text: index)
        #expect(parsed.clients.compactMap { $0.clientID?.string } == ["grafana", "pve"])
        let proxmoxClient = try #require(GuideParser.parse(path: "g.md", text: try String(contentsOfFile: out + "/proxmox/guide.md", encoding: .utf8)).clients.first)
        #expect(parsed.clients.last.map { YAMLWriter.lines($0.node, indent: 0) } == YAMLWriter.lines(proxmoxClient.node, indent: 0))
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains("<h1 id=\"site-home\">Site home</h1>"))
        #expect(!index.contains("insecure_secret"))
    }

    /// Two applications with one client id would collide in Authelia: the index says so,
    /// and the guides are written all the same.
    @Test func aClientIDUsedByTwoApplicationsFailsTheIndexOnly() throws {
        let folder = try TemporaryFolder()
        let (outcome, out) = try Self.render("domain: home.arpa\napps:\n  proxmox:\n    client_id: shared\n  grafana:\n    client_id: shared\n", in: folder)
        #expect(outcome.failures.map(\.guide) == ["index"])
        #expect(outcome.failures.first?.findings.first?.ruleID == "client-id-duplicate")
        #expect(FileManager.default.fileExists(atPath: out + "/grafana/guide.md") && FileManager.default.fileExists(atPath: out + "/proxmox/guide.md"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.md"))
    }

    /// Secrets in the page are masked until revealed; the page carries the value for copying.
    @Test func secretsAreMaskedInThePage() throws {
        let folder = try TemporaryFolder()
        let (_, out) = try Self.render("domain: home.arpa\n", in: folder, guides: ["docs/guides/proxmox.md"])
        let secrets = try String(contentsOfFile: out + "/proxmox/secrets.txt", encoding: .utf8)
        let secret = try #require(secrets.split(separator: "\n").first { $0.hasPrefix("client_secret: ") }?.dropFirst(15))
        let html = try String(contentsOfFile: out + "/proxmox/guide.html", encoding: .utf8)
        let wrapped = "<span class=\"secret\" data-secret=\"\(secret)\" title=\"Secret: click to show or hide\">••••••••••••</span>"
        #expect(html.contains(wrapped))
        // Nowhere else: every occurrence is inside the masking span's attribute.
        #expect(html.components(separatedBy: secret).count - 1 == html.components(separatedBy: wrapped).count - 1)
        #expect(html.contains("secret.dataset.secret"), "the page script reveals and copies the value")
    }
}
