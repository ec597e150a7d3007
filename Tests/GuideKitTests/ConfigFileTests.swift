import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `.guidekit.yml`: read with positions, validated, found upwards, and obeyed by `check`.
struct ConfigFileTests {
    /// The complete example in docs/CONFIG.md is a valid file with every key.
    @Test func theDocumentedExampleIsValid() throws {
        let doc = try ProjectFiles.text("docs/CONFIG.md")
        let block = try #require(parse(doc, path: "docs/CONFIG.md").codeBlocks.first { $0.title == ".guidekit.yml" })
        let config = try ConfigFile.parse(block.content, path: "repo/.guidekit.yml")
        #expect(config.paths == ["repo/docs/integration", "repo/docs/guides"])
        #expect(config.exclude == ["CHANGELOG.md", "repo/docs/reference/**", "**/drafts/*.md"])
        #expect(config.disable == ["line-too-long"])
        #expect(config.severityOverrides == ["app-claim-scope": .error])
        #expect(config.rules(from: RuleRegistry.all).count == RuleRegistry.all.count - 2)
        #expect(config.profiles == "repo/guidekit/profiles" && config.baseline == "repo/.guidekit-baseline.json")
        #expect(config.autheliaVersion == AutheliaVersion("4.39") && config.failOn == .error)
        for key in ConfigFile.keys { #expect(block.content.contains("\n\(key):") || block.content.hasPrefix("\(key):"), "\(key) is not in the example") }
    }

    @Test(arguments: [
        ("exclud: [x]\n", "c.yml:1:1: unknown key 'exclud' — did you mean 'exclude'?"),
        ("disable: [client-id-mismach]\n", "c.yml:1:11: unknown rule 'client-id-mismach' in 'disable' — did you mean 'client-id-mismatch'?"),
        ("severity:\n  client-pkce: fatal\n", "c.yml:2:16: the severity of 'client-pkce' is error, warning or off"),
        ("fail_on: info\n", "c.yml:1:10: 'fail_on' is error or warning"),
        ("authelia_version: '3.0'\n", "c.yml:1:19: authelia_version '3.0' is not a release GuideKit knows (4.29 to 4.39)"),
        ("paths: {a: b}\n", "c.yml:1:8: 'paths' is a list of strings"),
        ("paths: [a]\n---\npaths: [b]\n", "c.yml:3:1: a config file holds one YAML document; a second one starts here"),
        ("paths: [a\n", "c.yml:2:1: invalid YAML"),
    ])
    func problemsNameThePlace(text: String, expected: String) {
        do {
            _ = try ConfigFile.parse(text, path: "c.yml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func foundInTheNearestParent() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write(".guidekit.yml", Data("paths: [docs]\n".utf8))
        _ = try folder.write("a/b/c/x.md", Data("# x\n".utf8))
        let deep = folder.url.appendingPathComponent("a/b/c").path
        #expect(ConfigFile.find(from: deep).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                == URL(fileURLWithPath: config).standardizedFileURL.path)
        _ = try folder.write("a/.guidekit.yaml", Data("paths: [b]\n".utf8))
        #expect(ConfigFile.find(from: deep)?.hasSuffix("a/.guidekit.yaml") == true)
    }
}

/// The same, through the command line: defaults from the file, flags win.
extension CommandLineTests {
    @Test func checkObeysTheConfigFileAndFlagsOverrideIt() throws {
        let folder = try TemporaryFolder()
        let bad = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'wrong'\n  public: true\n  authorization_policy: 'one_factor'\n  redirect_uris: ['https://app.example.com/cb']\n```\n"
        _ = try folder.write("docs/ref/bad.md", Data(bad.utf8))
        _ = try folder.write("docs/good.md", Data("# Good\n\nNothing to check.\n".utf8))
        _ = try folder.write("sub/.keep", Data())
        let sub = folder.url.appendingPathComponent("sub").path
        func check(_ config: String, _ arguments: [String] = []) throws -> Run {
            _ = try folder.write(".guidekit.yml", Data(config.utf8))
            return try run(["check"] + arguments, in: sub)
        }
        // Paths and excludes from the file, relative to its folder, from a subfolder.
        let excluded = try check("paths: [docs]\nexclude: ['docs/ref/**']\n")
        #expect(excluded.status == 0 && excluded.stdout.contains("in 1 file"), "\(excluded.stdout)\(excluded.stderr)")
        let all = try check("paths: [docs]\n")
        #expect(all.status == 1 && all.stdout.contains("../docs/ref/bad.md:5:14: error"), "\(all.stdout)")
        // Per-rule severity and disabled rules.
        let lowered = try check("paths: [docs]\nseverity:\n  client-id-mismatch: warning\n")
        #expect(lowered.status == 0 && lowered.stdout.contains("warning: client_id 'wrong'"))
        let off = try check("paths: [docs]\ndisable: [client-id-mismatch]\n")
        #expect(off.status == 0 && !off.stdout.contains("client-id-mismatch"))
        // fail_on: warning fails on the lowered finding; a path argument replaces 'paths'.
        #expect(try check("paths: [docs]\nfail_on: warning\nseverity:\n  client-id-mismatch: warning\n").status == 1)
        #expect(try check("paths: [docs]\nfail_on: warning\n", ["../docs/good.md"]).status == 0)
        // --no-config ignores it; a broken file is an input failure naming the place.
        #expect(try check("paths: [docs]\nexclude: ['docs/ref/**']\n", ["--no-config", "../docs"]).status == 1)
        let broken = try check("paths: [docs]\nfail_on: never\n")
        #expect(broken.status == 2 && broken.stderr.contains("../.guidekit.yml:2:10: 'fail_on' is error or warning"), "\(broken.stderr)")
    }
}
