import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show, as JSON, what GuideKit reads from guides.",
        discussion: """
            Prints each guide's title, page class, counts of what was read, the profile and \
            releases used and why, assumptions, code blocks with their roles, Authelia clients \
            and application settings, with line and column. Useful to see why a check \
            did or did not fire. Secret values are shown as "(secret)".
            """
    )

    @Argument(help: "Guides or folders of guides (default: 'paths' of .guidekit.yml).")
    var paths: [String] = []

    @OptionGroup var sessionOptions: SessionOptions

    func run() throws {
        let session = try sessionOptions.session(paths: paths)
        let loaded = session.input.load(session.paths)
        Console.print(ExtractionReport.render(loaded.guides, checker: session.checker))
        let errors = loaded.errors
        for error in errors {
            Console.err("guidekit: error: \(error)\n")
        }
        if !errors.isEmpty { throw ExitStatus.inputFailure }
    }
}
