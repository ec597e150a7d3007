import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

@main
struct GuideKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidekit",
        abstract: "Keeps identity-provider integration guides correct.",
        discussion: """
            GuideKit reads Markdown guides such as "log in to Proxmox VE through Authelia", \
            extracts the stated assumptions, the Authelia client YAML and the application's \
            settings, and reports where they disagree, like a compiler.

            Exit status: 0 no error-level finding, 1 at least one error-level finding, \
            2 usage or input failure (missing file, unreadable, not UTF-8).
            """,
        version: GuideKitVersion.current,
        subcommands: [CheckCommand.self, FixCommand.self, RenderCommand.self, ExtractCommand.self, RulesCommand.self, ExplainCommand.self, ProfilesCommand.self, DigestCommand.self, SecretsCommand.self, LSPCommand.self],
        defaultSubcommand: nil
    )

    /// Like ArgumentParser's own `main`, but usage errors exit with 2 (ArgumentParser uses 64)
    /// so the documented statuses hold: 0 clean, 1 findings, 2 usage or input failure.
    static func main() {
        Console.ignoreBrokenPipes()
        if let typo = mistypedSubcommand(Array(CommandLine.arguments.dropFirst())) {
            Console.err("guidekit: error: unknown command '\(typo.word)'\(typo.suggestion.map { " — did you mean '\($0)'?" } ?? "") (commands: \(subcommandNames.joined(separator: ", ")))\n")
            Foundation.exit(ExitStatus.inputFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            exit(0)
        } catch let error as InputError {
            Console.err("guidekit: error: \(error)\n")
            exit(ExitStatus.inputFailure.rawValue)
        } catch let failure as InputFailure {
            // One line naming the file, as every input failure is reported.
            Console.err("guidekit: error: \(failure)\n")
            exit(ExitStatus.inputFailure.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.print(message) }
                exit(0)
            }
            if !message.isEmpty {
                Console.err((message + "\n"))
            }
            let status = code.rawValue == ExitCode.validationFailure.rawValue ? ExitStatus.inputFailure : code
            exit(status.rawValue)
        }
    }

    /// Ends the process: with status 2 instead when a write to standard output failed.
    static func exit(_ status: Int32) -> Never {
        Foundation.exit(Console.failureStatus() ?? status)
    }

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
    }

    /// A first word that is not a command, an option or a path GuideKit could mean
    /// (`guidekit chek docs/`), with the nearest command.
    static func mistypedSubcommand(_ arguments: [String]) -> (word: String, suggestion: String?)? {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommandNames.contains(first) else { return nil }
        return (first, Suggestion.closest(to: first, in: subcommandNames))
    }
}
