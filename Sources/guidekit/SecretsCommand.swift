import ArgumentParser
import Foundation
import GuideDocument
import GuideRender
import SecretDigests

struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Manage the client secrets render keeps for a site.",
        subcommands: [Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a client secret an application already uses, read from standard input.",
            discussion: """
                Reads one line from standard input (never from the command line, where other \
                users and shell history would see it), makes its pbkdf2-sha512 digest and stores \
                both in the site's state (OUT/SITE/.guidekit-state.json, mode 0600). The next \
                `render` for that site uses this secret for the application instead of \
                generating one, until `--rotate`.

                Example:
                  guidekit secrets import proxmox --site homelab --out out/ < proxmox-secret.txt
                """
        )

        @Argument(help: "The application: the guide's file name without .md (proxmox for proxmox.md).")
        var application: String

        @Option(help: "The site's name (its site file's name without .yml).")
        var site: String

        @Option(help: "The output folder render writes to.")
        var out: String

        @Option(name: .customLong("client-id"), help: "The client id the secret belongs to (default: the one the state has, else the application's name).")
        var clientID: String?

        func run() throws {
            if let problem = SiteLoader.guideFolderProblem(application) { throw ValidationError("'\(application)': \(problem)") }
            var secret = try DigestCommand.Verify.firstLine(ofStandardInputUpTo: DigestCommand.Verify.maximumSecretBytes)
            if secret.hasSuffix("\r") { secret.removeLast() }
            if let problem = SiteValueRules.problem(with: secret, as: .clientSecret) {
                throw InputFailure("standard input: \(problem)")
            }
            let digest = try DigestGenerator().pbkdf2(secret: secret)
            do {
                try OutputWriter.updateState(site: site, output: out) { state throws(InputError) in
                    let id = clientID ?? state.clients[application]?.clientID ?? application
                    state.clients[application] = SiteState.Client(clientID: id, secret: secret, digest: digest, origin: "imported")
                }
            } catch { throw InputFailure("\(error)") }
            Console.print("imported the client secret of \(application) for site \(site); the next render uses it (its digest: \(digest))")
        }
    }
}
