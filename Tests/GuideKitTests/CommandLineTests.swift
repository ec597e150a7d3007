import Foundation
import Testing
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

/// The `guidekit` executable: exit statuses and output formats, as CI sees them.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        // `swift test` builds the tool next to the test bundle.
        let directory = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? ProjectFiles.root.appendingPathComponent(".build/debug")
        return directory.appendingPathComponent("guidekit")
    }

    /// - Parameter shell: run `/bin/sh` with the arguments instead of guidekit.
    func run(_ arguments: [String], in directory: String? = nil, input: String? = nil, shell: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : Self.executable
        process.arguments = arguments
        process.environment = childEnvironment(["NO_COLOR": "1", "PATH": "/usr/bin:/bin"])
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a tool that fills one while the test waits for the
        // other to end would never finish.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func cleanGuideExitsZero() throws {
        let result = try run(["check", ProjectFiles.root.appendingPathComponent("docs").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 errors, 0 warnings"))
    }

    @Test func errorFindingExitsOneWithCaretSnippet() throws {
        let folder = try TemporaryFolder()
        let guide = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'other'\n```\n"
        let path = try folder.write("g.md", Data(guide.utf8))
        let result = try run(["check", path])
        #expect(result.status == 1)
        let expected = """
            \(path):5:14: error: client_id 'other' differs from the Client ID assumption 'app' (line 2) [client-id-mismatch]
              |
            5 | - client_id: 'other'
              |              ^~~~~~~
            """
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }

    @Test func jsonFormatIsAStableArray() throws {
        let folder = try TemporaryFolder()
        let guide = "### Assumptions\n- Application Root URL: `app.example.com`\n"
        let path = try folder.write("g.md", Data(guide.utf8))
        let result = try run(["check", "--format", "json", path])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array[0]["file"] as? String == path)
        #expect(array[0]["line"] as? Int == 2)
        #expect(array[0]["column"] as? Int == 26)
        #expect(array[0]["severity"] as? String == "error")
        #expect(array[0]["rule"] as? String == "assumption-value")
    }

    @Test func inputFailuresExitTwoAndNameTheFile() throws {
        let folder = try TemporaryFolder()
        let binary = try folder.write("bin.md", Data([0x23, 0x20, 0x00, 0xFF]))
        let result = try run(["check", binary, folder.url.path + "/missing.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(binary):1:3: binary file"))
        #expect(result.stderr.contains("missing.md: no such file or directory"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run(["check"]).status == 2)
        let badFormat = try run(["check", "--format", "yaml", "docs"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("yaml"))
    }

    @Test func explainAndRules() throws {
        let rules = try run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("client-id-mismatch"))
        let explain = try run(["explain", "client-id-mismatch"])
        #expect(explain.stdout.contains("Triggers on"))
        let unknown = try run(["explain", "client-id-mismatc"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Did you mean 'client-id-mismatch'?"))
    }

    @Test func autheliaVersionOption() throws {
        let folder = try TemporaryFolder()
        let guide = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n  public: true\n```\n"
        let path = try folder.write("g.md", Data(guide.utf8))
        #expect(try run(["check", path]).status == 0)
        let old = try run(["check", "--authelia-version", "4.37", "--format", "json", path])
        #expect(old.status == 1)
        #expect(old.stdout.contains("\"rule\" : \"client-unknown-key\""))
        #expect(old.stdout.contains("added in Authelia 4.38"))
        #expect(try run(["check", "--authelia-version", "5.0", path]).status == 2)
    }

    @Test func digestCommandsRoundTripWithoutPuttingSecretsOnTheCommandLine() throws {
        let generated = try run(["digest", "generate"])
        #expect(generated.status == 0)
        let lines = generated.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].count == 72 && lines[1].hasPrefix("$pbkdf2-sha512$310000$"))
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["digest", "verify", lines[1]]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data((lines[0] + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try run(["digest", "verify", "$pbkdf2-sha512$1$x"]).status == 2)
    }

    @Test func renderWritesWhatSucceedsAndListsFailures() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.yml", Data("application_root_url: https://pve.corp.test/\nauthelia_root_url: https://sso.corp.test/\nclient_id: pve\nrealm: corp\n".utf8))
        let bad = try folder.write("bad.yml", Data("application_root_url: https://pve.corp.test/\nclient_ld: pve\n".utf8))
        let guide = ProjectFiles.root.appendingPathComponent("docs/guides/proxmox.md").path
        let template = ProjectFiles.root.appendingPathComponent("templates/guide.html").path
        let out = folder.url.appendingPathComponent("out").path
        let failed = try run(["render", guide, "--site", good, "--site", bad, "--out", out, "--template", template])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("bad.yml:2:1: unknown site key 'client_ld' — did you mean 'client_id'?"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let done = try run(["render", guide, "--site", good, "--out", out, "--template", template, "--seed", "3"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("into \(out)/good"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/good/proxmox").sorted()
        #expect(files == ["authelia-client.yml", "command-line.sh", "domains.cfg.fragment", "guide.html", "guide.md", "secrets.txt"])
        // The secret is in secrets.txt, never in the log.
        let secrets = try String(contentsOfFile: out + "/good/proxmox/secrets.txt", encoding: .utf8)
        let secret = try #require(secrets.split(separator: "\n").first { $0.hasPrefix("client_secret: ") }?.dropFirst(15))
        #expect(!done.stdout.contains(secret) && !done.stderr.contains(secret))
        // A guide that fails is listed (exit 1); the other is written.
        let broken = try folder.write("broken.md", Data(try String(contentsOfFile: guide, encoding: .utf8)
            .replacingOccurrences(of: "client_id: 'proxmox'", with: "client_id: 'pve'").utf8))
        let partial = try run(["render", broken, guide, "--site", good, "--out", out + "2"])
        #expect(partial.status == 1)
        // Named by its file, with the finding's place in it (never "for site -").
        #expect(partial.stderr.contains("guidekit: error: \(broken): the guide itself does not check clean"), "\(partial.stderr)")
        #expect(partial.stderr.contains("  \(broken):50:20: error: client_id 'pve' differs"), "\(partial.stderr)")
        #expect(partial.stderr.contains("1 of 2 failed (listed above); the other 1 were written"))
        #expect(FileManager.default.fileExists(atPath: out + "2/good/proxmox/guide.md"))
    }

    @Test func reportsBaselineAndFixFromTheCommandLine() throws {
        let folder = try TemporaryFolder()
        let guide = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- id: 'ap'\n  public: true\n```\n"
        let path = try folder.write("g.md", Data(guide.utf8))
        let sarif = folder.url.appendingPathComponent("out.sarif").path
        let baseline = folder.url.appendingPathComponent("baseline.json").path
        // Several reports from one pass; the exit status does not depend on the formats.
        let first = try run(["check", path, "--format", "github", "--report", "sarif=\(sarif)", "--report", "json"])
        #expect(first.status == 1)
        #expect(first.stdout.contains("::error file=\(path),line=5,col=7"))
        #expect(first.stdout.contains("\"rule\" : \"client-id-mismatch\""))
        #expect(FileManager.default.fileExists(atPath: sarif))
        // A baseline makes today's findings known: the run passes, a new finding fails it.
        #expect(try run(["check", path, "--write-baseline", baseline]).status == 0)
        let known = try run(["check", path, "--baseline", baseline])
        #expect(known.status == 0)
        #expect(known.stdout.contains("known (in the baseline)"))
        // fix --dry-run shows the diff and changes nothing; fix rewrites the file.
        let dry = try run(["fix", path, "--dry-run"])
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("-- id: 'ap'\n+- client_id: 'app'"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == guide)
        let fixed = try run(["fix", path])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == guide.replacingOccurrences(of: "- id: 'ap'", with: "- client_id: 'app'"))
        #expect(try run(["check", path]).status == 0)
        #expect(try run(["check", path, "--shard", "3/2"]).status == 2)
        // The fix made the baseline's entries stale: reported, then pruned on request.
        let entries = { () throws -> Int in
            try Baseline.decode(Data(contentsOf: URL(fileURLWithPath: baseline)), path: baseline).entries.count
        }
        // Two client findings, fixed now, and the warning that no profile matches this guide.
        #expect(try entries() == 3)
        let stale = try run(["check", path, "--baseline", baseline])
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("2 baseline entries no longer match a finding (fixed since?); prune with --update-baseline"))
        #expect(stale.stderr.contains("\(path) [client-id-mismatch]"))
        // A run that did not check the file leaves its entries alone.
        let other = try folder.write("other.md", Data("# Other\n".utf8))
        #expect(!(try run(["check", other, "--baseline", baseline]).stderr.contains("no longer match")))
        let pruned = try run(["check", path, "--baseline", baseline, "--update-baseline"])
        #expect(pruned.stderr.contains("pruned 2 stale entries from \(baseline)"))
        #expect(try entries() == 1)
        #expect(!(try run(["check", path, "--baseline", baseline]).stderr.contains("no longer match")))
        #expect(try run(["check", path, "--update-baseline"]).status == 2)
    }

    @Test func extractNeverEchoesSecrets() throws {
        let folder = try TemporaryFolder()
        let guide = "---\napplication: gitea\n---\n### Assumptions\n- Client Secret: `s3cret_value`\n\n### Application\n\n1. Run `gitea admin auth add-oauth --secret=s3cret_value`\n2. Set:\n   - Token: `s3cret_value`\n   - Introspection URL: `https://app:s3cret_value@auth.example.com/`\n"
        let path = try folder.write("g.md", Data(guide.utf8))
        let result = try run(["extract", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("(secret)"))
        #expect(!result.stdout.contains("s3cret_value"))
    }

    /// No verdict from silence, said where it belongs: a Proxmox VE guide that shows only the
    /// Authelia client passes, and `--verbose` says what was read and what was not judged.
    @Test func verboseSaysWhatWasReadAndWhatWasNotJudged() throws {
        let folder = try TemporaryFolder()
        let guide = try folder.write("proxmox.md", Data("""
            ### Assumptions

            - Application Root URL: `https://proxmox.example.com:8006/`
            - Authelia Root URL: `https://auth.example.com/`
            - Client ID: `proxmox`

            ```yaml
            identity_providers:
              oidc:
                clients:
                  - client_id: 'proxmox'
                    client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
                    redirect_uris: ['https://proxmox.example.com:8006']
                    token_endpoint_auth_method: 'client_secret_basic'
            ```

            """.utf8))
        let empty = try folder.write("notes/index.md", Data("## Tested Versions\n\n- Grafana 11\n\nSee Grafana's documentation.\n".utf8))
        let result = try run(["check", "--no-config", "--verbose", guide, empty])
        #expect(result.status == 1, "the empty guide fails closed")
        #expect(!result.stdout.contains("profile-auth-method"))
        #expect(result.stdout.contains("[guide-unread]"))
        #expect(result.stdout.contains("; 1 guide had nothing checkable (guide-unread) (--verbose shows what was read)"))
        #expect(result.stderr.contains("proxmox.md: guide (states assumptions)"))
        #expect(result.stderr.contains("read: 3 assumption(s), 1 client(s), 0 application setting(s)"))
        #expect(result.stderr.contains("profile: 'proxmox' (file name 'proxmox')"))
        #expect(result.stderr.contains("note: the guide does not show how Proxmox VE is configured; client-key decides the auth method it sends, so it was not judged"))
        let files = try run(["check", "--no-config", "--format", "files", guide])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(files.stdout.utf8)) as? [String: Any])
        let entry = try #require((json["files"] as? [[String: Any]])?.first)
        #expect((entry["read"] as? [String: Any])?["clients"] as? Int == 1)
        #expect(entry["profile_reason"] as? String == "file name 'proxmox'")
        #expect((entry["notes"] as? [String])?.contains { $0.contains("client-key decides the auth method") } == true)
        let extract = try run(["extract", "--no-config", guide])
        #expect(extract.stdout.contains("\"page\" : \"guide\""))
        #expect(extract.stdout.contains("client-key decides the auth method"))
    }
}
