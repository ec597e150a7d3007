import Foundation
import Testing
@testable import GuideKit

/// Site values can never break out of the formats they are pasted into: every role accepts
/// only its closed character set, and rendered commands keep their shape for any accepted value.
struct SiteValueSafetyTests {
    /// Characters some format (shell, .env, YAML, URL, HTML) gives a meaning.
    static let special = Array(" \t\"'`$()[]{};&|<>*?!#~\\^=,+@%:\n\r".unicodeScalars)

    @Test func everySpecialCharacterIsRefusedInEveryWordRole() {
        for role in [SiteValueRules.Role.clientID, .clientSecret, .realm, .text] {
            for scalar in Self.special {
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
            let command = try #require(rendered.artifacts.first { $0.name.hasPrefix("commands") })
            let path = try folder.write("cmd-\(accepted).sh", Data(command.content.utf8))
            #expect(try Self.bash(["-n", path]).status == 0, "bash cannot parse:\n\(command.content)")
            // Word splitting of the file's text (globbing off, nothing executed).
            let words = try Self.bash(["-c", "set -f; set -- $(cat \"$1\"); echo $#", "_", path]).output
            let count = Int(words.trimmingCharacters(in: .whitespacesAndNewlines))
            if expectedWords == nil { expectedWords = count }
            #expect(count == expectedWords, "the command changed shape:\n\(command.content)")
        }
        #expect(accepted > 5 && refused > 5, "accepted \(accepted), refused \(refused)")
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
