import ArgumentParser
import Foundation
import GuideKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check guides and report findings with file, line and column.",
        discussion: """
            PATH may be a Markdown file or a folder, searched recursively for *.md files.

            Examples:
              guidekit check docs/
              guidekit check docs/guides/proxmox.md --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Guides or folders of guides to check.")
    var paths: [String]

    @Option(help: "Output format: text (compiler style, default) or json (see docs/OUTPUT.md).")
    var format: Format = .text

    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = GuideFileReader.defaultMaximumBytes

    @Flag(help: "Colour the text output (default: only when stdout is a terminal and NO_COLOR is unset).")
    var color = false

    func run() throws {
        let (files, pathErrors) = GuideFinder.markdownFiles(in: paths)
        var inputErrors = pathErrors
        let reader = GuideFileReader(maximumBytes: maxFileSize)
        let checker = Checker()
        var findings: [Finding] = []
        var sources: [String: PreparedSource] = [:]
        var checkedFiles = 0
        for path in files {
            do {
                let text = try reader.read(path)
                let (guide, guideFindings) = checker.check(path: path, text: text)
                sources[path] = guide.source
                findings += guideFindings
                checkedFiles += 1
            } catch {
                inputErrors.append(error)
            }
        }

        switch format {
        case .text:
            let reporter = TextReporter(useColor: color || Terminal.wantsColor)
            var output = ""
            for finding in findings {
                output += reporter.render(finding, source: sources[finding.path]) + "\n"
            }
            output += reporter.summary(findings: findings, files: checkedFiles) + "\n"
            FileHandle.standardOutput.write(Data(output.utf8))
        case .json:
            FileHandle.standardOutput.write(Data((JSONReporter.render(findings) + "\n").utf8))
        }
        for error in inputErrors {
            FileHandle.standardError.write(Data("guidekit: error: \(error)\n".utf8))
        }
        if !inputErrors.isEmpty { throw ExitStatus.inputFailure }
        if findings.contains(where: { $0.severity == .error }) { throw ExitStatus.findings }
    }
}

enum Terminal {
    /// Colour only on a terminal, never in pipes or CI logs, and never with NO_COLOR set.
    static var wantsColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }
}
