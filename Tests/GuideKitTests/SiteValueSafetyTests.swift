import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Site values can never break out of the formats they are pasted into: every role accepts
/// only its closed character set, and rendered commands keep their shape for any accepted value.
struct SiteValueSafetyTests {
    /// Characters some format (shell, .env, YAML, URL, HTML) gives a meaning.
    static let special = Array(" \t\"'`$()[]{};&|<>*?!#~\\^=,+@%:\n\r".unicodeScalars)

    @Test func everySpecialCharacterIsRefusedInEveryWordRole() {
        for role in [SiteValueRules.Role.clientID, .clientSecret, .realm, .text] {
            // A client secret may hold '~' (RFC 3986 unreserved; GuideKit 0.2 generated it):
            // commands quote it (ShellSyntax), and it means nothing in .env, YAML or URLs.
            for scalar in Self.special where !(role == .clientSecret && scalar == "~") {
                let value = "abcdefgh" + String(scalar) + "ijk"
                #expect(SiteValueRules.problem(with: value, as: role) != nil, "\(role) accepted \(value.debugDescription)")
            }
            #expect(SiteValueRules.problem(with: "abc-def_1.2x", as: role) == nil, "\(role)")
        }
        for scalar in Self.special where scalar != ":" && scalar != "%" {
            let value = "https://app.example.com/a" + String(scalar) + "b"
            #expect(SiteValueRules.problem(with: value, as: .url) != nil, "url accepted \(value.debugDescription)")
        }
        #expect(SiteValueRules.problem(with: "https://app.example.com:8443/a/b%20c/", as: .url) == nil)
    }

    /// Random values of each role's alphabet (hostile characters mixed in): what is accepted
    /// renders into a `pveum` command that bash parses, with the same number of words.
    @Test func acceptedRandomValuesKeepTheCommandsShape() throws {
        var random = SeededGenerator(seed: 42)
        let safe = Array("abcXYZ019._-".unicodeScalars)
        // Mostly safe characters, one in 25 hostile: many values pass, many are refused.
        func word(_ length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in
                Int.random(in: 0..<25, using: &random) == 0 ? Self.special.randomElement(using: &random)! : safe.randomElement(using: &random)!
            }))
        }
        let template = try ProjectFiles.text("templates/guide.html")
        let renderer = GuideRenderer(template: template)
        let prepared = try renderer.prepare(path: "proxmox.md", text: try ProjectFiles.text("docs/guides/proxmox.md"))
        let folder = try TemporaryFolder()
        var expectedWords: Int?
        var accepted = 0, refused = 0
        for _ in 0..<200 {
            let yaml = """
                application_root_url: 'https://pve.\(word(4)).test:8006/'
                authelia_root_url: 'https://sso.example.test/\(word(3))/'
                client_id: '\(word(6))'
                client_secret: '\(word(12))'
                realm: 'r\(word(5))'
                """
            guard let site = try? SiteLoader.parse(yaml, file: "s.yml", name: "s") else { refused += 1; continue }
            accepted += 1
            let rendered = try renderer.render(prepared, site: site, random: &random)
            let command = try #require(rendered.artifacts.first { $0.name.hasSuffix(".sh") })
            let words = try Self.words(of: command.content, in: folder, name: "cmd-\(accepted).sh")
            if expectedWords == nil { expectedWords = words.count }
            #expect(words.count == expectedWords, "the command changed shape:\n\(command.content)")
            try Self.expectArtifactsCarry(site, rendered)
        }
        #expect(accepted > 5 && refused > 5, "accepted \(accepted), refused \(refused)")
    }

    /// The words bash reads from a rendered command (`bash -n` first: it must parse), by
    /// letting bash print its own arguments — nothing of the command is run.
    static func words(of command: String, in folder: TemporaryFolder, name: String) throws -> [String] {
        let path = try folder.write(name, Data(command.utf8))
        #expect(try bash(["-n", path]).status == 0, "bash cannot parse:\n\(command)")
        let printing = try folder.write("print-" + name, Data(("set -f\nprintf '%s\\0' " + command.replacingOccurrences(of: "\\\n", with: " ")).utf8))
        let output = try bash([printing]).output
        return output.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Each artifact, read back by its own syntax, carries exactly the site's values: the
    /// `pveum` words, Proxmox's domains.cfg (as Proxmox parses it) and the Authelia YAML.
    static func expectArtifactsCarry(_ site: Site, _ rendered: RenderedGuide) throws {
        let folder = try TemporaryFolder()
        func value(_ kind: AssumptionKind) -> String? { site.value(for: AssumptionKey(kind))?.text }
        let secret: String?
        switch site.secret {
        case .given(let given), .kept(let given, _): secret = given
        case .generate:
            let file = rendered.artifacts.first { $0.name == "secrets.txt" }?.content ?? ""
            secret = file.split(separator: "\n").first { $0.hasPrefix("client_secret: ") }.map { String($0.dropFirst(15)) }
        }
        let command = try #require(rendered.artifacts.first { $0.name.hasSuffix(".sh") })
        let words = try Self.words(of: command.content, in: folder, name: "cmd.sh")
        func option(_ name: String) -> String? { words.firstIndex(of: name).flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil } }
        #expect(option("--client-id") == value(.clientID), "\(words)")
        #expect(option("--client-key") == secret, "\(words)")
        if let realm = value(.realm) { #expect(words.count > 3 && words[3] == realm, "\(words)") }
        let cfg = try #require(rendered.artifacts.first { $0.name == "domains.cfg.fragment" })
        let parsed = ProxmoxDomainsConfig.parse(cfg.content)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let section = try #require(parsed.sections.first)
        #expect(section.value("client-id") == value(.clientID))
        #expect(section.value("client-key") == secret)
        if let realm = value(.realm) { #expect(section.id == realm) }
        let markdown = try #require(rendered.artifacts.first { $0.name == "guide.md" })
        let client = try #require(GuideParser.parse(path: "guide.md", text: markdown.content).clients.first)
        #expect(client.clientID?.string == value(.clientID))
    }

    /// Values that never pass the site loader, given to the renderer directly: each render
    /// either fails with a reason or yields artifacts that read back as exactly those values.
    @Test func hostileValuesPastTheLoaderAreQuotedOrRefused() throws {
        var random = SeededGenerator(seed: 5)
        let template = try ProjectFiles.text("templates/guide.html")
        let renderer = GuideRenderer(template: template)
        let prepared = try renderer.prepare(path: "proxmox.md", text: try ProjectFiles.text("docs/guides/proxmox.md"))
        let hostile = ["x$(touch /tmp/guidekit-pwned)", "a'b\"c`d`", "~root", "-rf", "semi;colon&amp|pipe", "sp ace", "#hash", "x\\y*?[z]"]
        var rendered = 0
        var refusals: [String] = []
        for value in hostile {
            let location = SourceLocation(line: 1, column: 1)
            func site(id: String, secret: String) -> Site {
                Site(name: "s", file: "s.yml", values: [
                    AssumptionKey(.applicationRootURL): .init(text: "https://pve.example.test:8006/", location: location),
                    AssumptionKey(.autheliaRootURL): .init(text: "https://sso.example.test/", location: location),
                    AssumptionKey(.clientID): .init(text: id, location: location),
                ], secret: .given(secret), autheliaVersion: nil)
            }
            for candidate in [site(id: "pve", secret: "0123456789" + value), site(id: value, secret: "0123456789abc")] {
                let output: RenderedGuide
                do {
                    output = try renderer.render(prepared, site: candidate, random: &random)
                } catch {
                    refusals.append("\(value.debugDescription): \(error.message)")
                    continue
                }
                rendered += 1
                try Self.expectArtifactsCarry(candidate, output)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/guidekit-pwned"))
        #expect(rendered > 0, "no hostile value rendered: the quoting was never exercised\n\(refusals.joined(separator: "\n"))")
        print("hostile values: \(rendered) rendered and read back, \(refusals.count) refused")
    }

    static func bash(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
