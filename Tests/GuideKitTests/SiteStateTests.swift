import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideRender
@testable import SecretDigests

/// Issue 25: render you can run every day — the site state keeps secrets, a plan comes before
/// changes, files GuideKit did not write are kept, a subset render leaves the rest alone.
struct SiteStateTests {
    /// Sixteen applications made from the bundled Proxmox guide (`app1` … `app16`: own client
    /// id, own host), all checking clean.
    static func homelab() throws -> (TemporaryFolder, [String]) {
        let folder = try TemporaryFolder()
        let proxmox = try ProjectFiles.text("docs/guides/proxmox.md")
        var guides: [String] = []
        for number in 1...16 {
            let text = proxmox.replacing(#/\bproxmox\b/#, with: "app\(number)")
            guides.append(try folder.write("guides/app\(number).md", Data(text.utf8)))
        }
        _ = try folder.write("homelab.yml", Data("domain: home.arpa\n".utf8))
        return (folder, guides)
    }

    static func state(_ out: String) throws -> SiteState {
        try SiteState.load(siteFolder: out + "/homelab", site: "homelab")
    }

    /// Every regular file under `folder` with its content and inode (an inode that stays the
    /// same means the file was not written again).
    static func snapshot(_ folder: String) -> [String: (String, UInt64)] {
        var result: [String: (String, UInt64)] = [:]
        for path in SitePlan.filesUnder(folder) {
            let full = folder + "/" + path
            var info = stat()
            guard stat(full, &info) == 0, let data = FileManager.default.contents(atPath: full) else { continue }
            result[path] = (String(decoding: data, as: UTF8.self), UInt64(info.st_ino))
        }
        return result
    }

    @Test func dayTwoStory() throws {
        let (folder, guides) = try Self.homelab()
        let out = folder.url.appendingPathComponent("out").path
        let site = folder.url.appendingPathComponent("homelab.yml").path
        let cli = CommandLineTests()
        func render(_ which: [String], _ extra: [String] = []) throws -> CommandLineTests.Run {
            try cli.run(["render"] + which + ["--site", site, "--out", out] + extra)
        }
        func secretsNeverPrinted(_ run: CommandLineTests.Run, _ state: SiteState) {
            for client in state.clients.values {
                #expect(!run.stdout.contains(client.secret) && !run.stderr.contains(client.secret))
            }
        }

        // Day one: 15 applications.
        let first = try render(Array(guides.prefix(15)))
        #expect(first.status == 0, "\(first.stderr)")
        let day1 = try Self.state(out)
        #expect(day1.clients.count == 15)
        let generatedAlphanumeric = day1.clients.values.allSatisfy { client in
            client.origin == "generated" && client.secret.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric }
        }
        #expect(generatedAlphanumeric)
        secretsNeverPrinted(first, day1)
        var info = stat()
        #expect(stat(out + "/homelab/" + SiteState.fileName, &info) == 0 && info.st_mode & 0o777 == 0o600)

        // Day two: one application more. No secret changes, one added, 16 clients in the index.
        let second = try render(Array(guides.prefix(16)))
        #expect(second.status == 0, "\(second.stderr)")
        let day2 = try Self.state(out)
        #expect(day2.clients.count == 16)
        for (application, client) in day1.clients { #expect(day2.clients[application] == client, "\(application)'s secret changed") }
        let index = try String(contentsOfFile: out + "/homelab/index.md", encoding: .utf8)
        #expect(index.components(separatedBy: "- client_id: ").count - 1 == 16)

        // An unchanged re-render computes and writes nothing.
        let before = Self.snapshot(out + "/homelab")
        let again = try render(guides)
        #expect(again.status == 0 && again.stdout.contains("nothing changed, nothing written"), "\(again.stdout)")
        let after = Self.snapshot(out + "/homelab")
        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before.allSatisfy { after[$0.key]?.1 == $0.value.1 })

        // A file someone added, in the site folder and in an application's folder: kept.
        try "my notes\n".write(toFile: out + "/homelab/NOTES.md", atomically: true, encoding: .utf8)
        try "extra\n".write(toFile: out + "/homelab/app5/extra.txt", atomically: true, encoding: .utf8)

        // A subset render after a site change for app3 only: app3 and the index change, the
        // other applications' files are untouched (same content, same inode).
        try "domain: home.arpa\napps:\n  app3:\n    client_id: app3-new\n".write(toFile: site, atomically: true, encoding: .utf8)
        let subsetBefore = Self.snapshot(out + "/homelab")
        let subset = try render([guides[2]])
        #expect(subset.status == 0, "\(subset.stderr)")
        #expect(subset.stdout.contains("kept NOTES.md (not written by GuideKit)") && subset.stdout.contains("kept app5/extra.txt"))
        let subsetAfter = Self.snapshot(out + "/homelab")
        let siteFiles: Set<String> = ["index.md", "index.html", "authelia-oidc.yml", SiteState.fileName]
        for (path, old) in subsetBefore where !path.hasPrefix("app3/") && !siteFiles.contains(path) {
            #expect(subsetAfter[path]?.1 == old.1 && subsetAfter[path]?.0 == old.0, "\(path) was touched")
        }
        #expect(subsetAfter["app3/authelia-client.yml"]?.0.contains("client_id: 'app3-new'") == true)
        let afterSubset = try Self.state(out)
        #expect(afterSubset.clients["app3"]?.secret == day2.clients["app3"]?.secret)
        #expect(afterSubset.clients.count == 16)
        let subsetIndex = try String(contentsOfFile: out + "/homelab/index.md", encoding: .utf8)
        #expect(subsetIndex.components(separatedBy: "- client_id: ").count - 1 == 16 && subsetIndex.contains("app3-new"))

        // --plan after a site change: the exact files, nothing written, exit 3.
        try "domain: home.arpa\napps:\n  app3:\n    client_id: app3-new\n  app7:\n    client_id: app7-x\n".write(toFile: site, atomically: true, encoding: .utf8)
        let planBefore = Self.snapshot(out + "/homelab")
        let plan = try render(guides, ["--plan"])
        #expect(plan.status == 3, "\(plan.stderr)")
        let listed = plan.stdout.split(separator: "\n").filter { $0.hasPrefix("  ~ ") || $0.hasPrefix("  + ") || $0.hasPrefix("  - ") }
            .map { String($0.dropFirst(4).split(separator: " ").first ?? "") }
        #expect(listed == ["app7/authelia-client.yml", "app7/command-line.sh", "app7/domains.cfg.fragment", "app7/guide.html", "app7/guide.md",
                           "app7/secrets.txt", "authelia-oidc.yml", "index.html", "index.md"], "\(plan.stdout)")
        #expect(plan.stdout.contains("site homelab (\(out)/homelab): 0 to create, 9 to change, 0 to remove"))
        #expect(plan.stdout.contains("-    client_id: 'app7'") || plan.stdout.contains("-      - client_id: 'app7'"), "\(plan.stdout)")
        #expect(plan.stdout.contains("app7/guide.md (holds a secret: not shown)"))
        secretsNeverPrinted(plan, afterSubset)
        let planAfter = Self.snapshot(out + "/homelab")
        #expect(planBefore.allSatisfy { planAfter[$0.key]?.1 == $0.value.1 })
        #expect(try render(guides).status == 0)
        #expect(try render(guides, ["--plan"]).status == 0)

        // --rotate one client: only its secret and digest change; the old ones are nowhere.
        let beforeRotation = try Self.state(out)
        let rotation = try render(guides, ["--rotate", "app2"])
        #expect(rotation.status == 0, "\(rotation.stderr)")
        let rotated = try Self.state(out)
        let old = try #require(beforeRotation.clients["app2"]), new = try #require(rotated.clients["app2"])
        #expect(old.secret != new.secret && old.digest != new.digest)
        for (application, client) in beforeRotation.clients where application != "app2" { #expect(rotated.clients[application] == client) }
        for (path, file) in Self.snapshot(out + "/homelab") {
            #expect(!file.0.contains(old.secret) && !file.0.contains(old.digest), "the old secret or digest is still in \(path)")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/homelab/NOTES.md"))
    }

    @Test func importedSecretsAreUsedAndNeverTakenFromArguments() throws {
        let (folder, guides) = try Self.homelab()
        let out = folder.url.appendingPathComponent("out").path
        let cli = CommandLineTests()
        let imported = try cli.run(["secrets", "import", "app1", "--site", "homelab", "--out", out], input: "~Already-Used.Secret_1\n")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains("~Already-Used.Secret_1"))
        let rendered = try cli.run(["render", guides[0], "--site", folder.url.appendingPathComponent("homelab.yml").path, "--out", out])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let state = try Self.state(out)
        #expect(state.clients["app1"]?.secret == "~Already-Used.Secret_1" && state.clients["app1"]?.origin == "imported")
        let guide = try String(contentsOfFile: out + "/homelab/app1/guide.md", encoding: .utf8)
        #expect(guide.contains("~Already-Used.Secret_1"))
        // The digest in the guide is of that secret.
        let digest = try #require(state.clients["app1"]?.digest)
        #expect(guide.contains(digest))
        #expect(DigestVerifier.verify(try DigestParser.parse(digest), secret: "~Already-Used.Secret_1") == .match)
        // A secret GuideKit would refuse is refused by name of its place, never echoed.
        let refused = try cli.run(["secrets", "import", "app1", "--site", "homelab", "--out", out], input: "bad secret with spaces\n")
        #expect(refused.status == 2 && !refused.stderr.contains("bad secret") && refused.stderr.contains("character 4"), "\(refused.stderr)")
    }

    @Test func siteFilesReferenceSecretsAndAcceptEveryGeneratedCharacter() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("secret.txt", Data("~tilde.dot-dash_1\n".utf8))
        for (body, expected) in [("client_secret: {file: secret.txt}\n", "~tilde.dot-dash_1"),
                                 ("client_secret: {env: GUIDEKIT_TEST_SECRET}\n", "from-the-environment-1"),
                                 ("client_secret: '~plain.Secret-2'\n", "~plain.Secret-2")] {
            let path = try folder.write("site.yml", Data(("client_id: app\n" + body).utf8))
            setenv("GUIDEKIT_TEST_SECRET", "from-the-environment-1", 1)
            let site = try SiteLoader.load(path: path, extraLabels: ["Client ID", "Client Secret"])
            #expect(site.secret == .given(expected), "\(body)")
        }
        unsetenv("GUIDEKIT_TEST_SECRET")
        let missing = try folder.write("missing.yml", Data("client_secret: {env: GUIDEKIT_NO_SUCH_VARIABLE}\n".utf8))
        #expect(throws: InputError.self) { try SiteLoader.load(path: missing, extraLabels: ["Client Secret"]) }
        let typo = try folder.write("typo.yml", Data("client_secret: {fil: secret.txt}\n".utf8))
        do {
            _ = try SiteLoader.load(path: typo, extraLabels: ["Client Secret"])
            Issue.record("a misspelt reference was accepted")
        } catch {
            #expect(error.message.contains("did you mean 'file'?"))
        }
        // Generated secrets: letters and digits only, so never a leading '-' or '~'.
        var random = SeededGenerator(seed: 7, name: "x")
        for _ in 0..<200 {
            let secret = DigestGenerator().randomSecret(using: &random)
            let alphanumeric = secret.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric }
            #expect(alphanumeric)
        }
    }
}

/// The site's combined configuration: definitions joined, conflicts and undefined claims
/// policies refused (issue 25).
struct CombinedConfigurationTests {
    static func rendered(_ application: String, _ yaml: String) -> RenderedGuide {
        let guide = GuideParser.parse(path: "\(application).md", text: "# \(application)\n\n```yaml {guide=\"authelia-client\"}\n\(yaml)```\n")
        var item = RenderedGuide(site: "s", guide: application, artifacts: [], warnings: [], generatedSecret: false,
                                 title: application, clients: guide.clients)
        item.definitions = OIDCDefinitions.read(guide)
        return item
    }

    static func client(_ id: String, policy: String? = nil) -> String {
        """
            clients:
              - client_id: '\(id)'
                public: true
                authorization_policy: 'one_factor'
                redirect_uris: ['https://\(id).example.com/callback']
        \(policy.map { "        claims_policy: '\($0)'\n" } ?? "")
        """
    }

    static let policy = """
        identity_providers:
          oidc:
            claims_policies:
              shared:
                id_token: ['groups']
        """

    @Test func definitionsAreJoinedOnceAndConflictsAndUndefinedPoliciesRefused() throws {
        let a = Self.rendered("a", Self.policy + "\n" + Self.client("a", policy: "shared"))
        let b = Self.rendered("b", Self.policy + "\n" + Self.client("b", policy: "shared"))
        #expect(a.definitions.map(\.name) == ["shared"])
        let index = try SiteIndex.make(site: "s", guides: [a, b], checker: Checker(), template: GuideRenderer.defaultTemplate)
        let fragment = try #require(index.artifacts.first { $0.name == "authelia-oidc.yml" }?.content)
        #expect(fragment.components(separatedBy: "shared:").count - 1 == 1, "\(fragment)")
        #expect(fragment.hasPrefix("identity_providers:\n  oidc:\n    claims_policies:\n      shared:\n"), "\(fragment)")
        #expect(fragment.contains("claims_policy: 'shared'"))

        let other = Self.rendered("c", Self.policy.replacingOccurrences(of: "['groups']", with: "['email']") + "\n" + Self.client("c"))
        do {
            _ = try SiteIndex.make(site: "s", guides: [a, other], checker: Checker(), template: GuideRenderer.defaultTemplate)
            Issue.record("a conflicting definition was joined")
        } catch {
            #expect(error.message.contains("the claims policy 'shared' is defined differently by a and c"), "\(error.message)")
        }
        let orphan = Self.rendered("d", Self.client("d", policy: "missing"))
        do {
            _ = try SiteIndex.make(site: "s", guides: [orphan], checker: Checker(), template: GuideRenderer.defaultTemplate)
            Issue.record("an undefined claims policy was accepted")
        } catch {
            #expect(error.message.contains("names the claims policy 'missing', which no guide of this site defines"), "\(error.message)")
        }
    }
}

/// The independent review's cases: a render never writes through a link, never loses the
/// index when the new one fails, and refuses a state naming paths outside the site.
struct SiteStateSafetyTests {
    /// The homelab of `SiteStateTests`, its output folder, its site file and the executable.
    static func setUp() throws -> (TemporaryFolder, [String], out: String, site: String, CommandLineTests) {
        let (folder, guides) = try SiteStateTests.homelab()
        return (folder, guides, folder.url.appendingPathComponent("out").path,
                folder.url.appendingPathComponent("homelab.yml").path, CommandLineTests())
    }

    @Test func renderNeverWritesThroughALinkedFolder() throws {
        let (folder, guides, out, site, cli) = try Self.setUp()
        #expect(try cli.run(["render", guides[0], "--site", site, "--out", out]).status == 0)
        // Someone moves app1's folder elsewhere and links it back.
        let elsewhere = folder.url.appendingPathComponent("wiki").path
        try FileManager.default.moveItem(atPath: out + "/homelab/app1", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: out + "/homelab/app1", withDestinationPath: elsewhere)
        let before = SiteStateTests.snapshot(elsewhere)
        let rotated = try cli.run(["render", guides[0], "--site", site, "--out", out, "--rotate", "app1"])
        #expect(rotated.status == 2 && rotated.stderr.contains("lies under a symbolic link"), "\(rotated.stderr)")
        let after = SiteStateTests.snapshot(elsewhere)
        #expect(before.keys.sorted() == after.keys.sorted() && before.allSatisfy { after[$0.key]?.1 == $0.value.1 })
    }

    @Test func aFailingIndexKeepsTheEarlierOne() throws {
        let (folder, guides, out, site, cli) = try Self.setUp()
        #expect(try cli.run(["render", guides[0], "--site", site, "--out", out]).status == 0)
        // A second application with the same client id: its own render is fine, the joined
        // index is not; the earlier index stays, the new application is written.
        try "domain: home.arpa\napps:\n  app2:\n    client_id: app1\n".write(toFile: site, atomically: true, encoding: .utf8)
        let clash = try cli.run(["render", guides[1], "--site", site, "--out", out])
        #expect(clash.status == 1, "\(clash.stderr)")
        #expect(!clash.stdout.contains("- index.md") && !clash.stdout.contains("- authelia-oidc.yml"), "\(clash.stdout)")
        for name in ["index.md", "index.html", "authelia-oidc.yml"] {
            #expect(FileManager.default.fileExists(atPath: out + "/homelab/" + name), "\(name) was removed")
        }
    }

    @Test func aStateNamingPathsOutsideTheSiteIsRefused() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("s").path
        for path in ["../outside", "/etc/passwd", "a/../../b", "a//b"] {
            var state = SiteState(site: "s")
            state.files[path] = SiteState.File(application: "", sha256: "", mode: 0o644)
            _ = try folder.write("s/" + SiteState.fileName, Data(state.encoded().utf8))
            #expect(throws: InputError.self, "\(path)") { try SiteState.load(siteFolder: site, site: "s") }
        }
    }

    @Test func anUnknownNameToRotateIsSaid() throws {
        let (folder, guides) = try SiteStateTests.homelab()
        let run = try CommandLineTests().run(["render", guides[0], "--site", folder.url.appendingPathComponent("homelab.yml").path,
                                              "--out", folder.url.appendingPathComponent("out").path, "--rotate", "ap1"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("--rotate ap1: no application or client id of this render is named so — did you mean 'app1'?"), "\(run.stderr)")
    }

    /// A site file with sections for every application of the site renders a subset of them:
    /// the sections of applications rendered earlier are known from the site's state; a
    /// section naming nothing known is still a typo.
    @Test func aSubsetRenderAcceptsSectionsOfApplicationsRenderedEarlier() throws {
        let (folder, guides, out, site, cli) = try Self.setUp()
        _ = try folder.write("homelab.yml", Data("domain: home.arpa\napps:\n  app1:\n    client_id: one\n  app2:\n    client_id: two\n".utf8))
        // Before anything was rendered, 'app2' names nothing this run or the site knows.
        let early = try cli.run(["render", guides[0], "--site", site, "--out", out])
        #expect(early.status == 2 && early.stderr.contains("the application section 'app2' names no guide being rendered"), "\(early.stderr)")
        #expect(try cli.run(["render", guides[0], guides[1], "--site", site, "--out", out]).status == 0)
        let subset = try cli.run(["render", guides[0], "--site", site, "--out", out])
        #expect(subset.status == 0, "\(subset.stderr)")
        #expect(try SiteStateTests.state(out).clients["app2"]?.clientID == "two")
        _ = try folder.write("homelab.yml", Data("domain: home.arpa\napps:\n  app1:\n    client_id: one\n  ap2:\n    client_id: two\n".utf8))
        let typo = try cli.run(["render", guides[0], "--site", site, "--out", out])
        #expect(typo.status == 2 && typo.stderr.contains("'ap2' names no guide being rendered — did you mean"), "\(typo.stderr)")
    }

    /// A file someone put where GuideKit now writes one (here the application's command file)
    /// is never overwritten: the site is not updated, the render names the file, exit 1.
    @Test func aForeignFileInTheWayOfANewFileIsNotOverwritten() throws {
        let (folder, guides, out, site, cli) = try Self.setUp()
        #expect(try cli.run(["render", guides[0], "--site", site, "--out", out]).status == 0)
        let mine = try folder.write("out/homelab/app2/command-line.sh", Data("# my own notes\n".utf8))
        let before = try SiteStateTests.state(out)
        let run = try cli.run(["render", guides[0], guides[1], "--site", site, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(mine) for site homelab: GuideKit would write this file, but did not write the one there"), "\(run.stderr)")
        #expect(!run.stdout.contains("rendered 2 guide(s)") && run.stderr.contains("the other 0 were written"), "\(run.stdout)\(run.stderr)")
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "# my own notes\n")
        #expect(try SiteStateTests.state(out) == before)
        // Moved away, the render goes through.
        try FileManager.default.removeItem(atPath: mine)
        #expect(try cli.run(["render", guides[0], guides[1], "--site", site, "--out", out]).status == 0)
        #expect(try String(contentsOfFile: mine, encoding: .utf8).contains("pveum realm add"))
    }
}
