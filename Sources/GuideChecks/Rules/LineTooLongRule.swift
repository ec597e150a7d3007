import GuideDocument
import GuideKnowledge

/// `line-too-long`: no line of a guide is thousands of characters long.
/// The longest line a guide may have; rule pages read it to show long examples folded.
package enum GuideLineLimit {
    /// The longest line of the 146 upstream guides has 594 characters; prose wraps and code
    /// blocks hold configuration lines. Seven times that is not a guide's line any more.
    package static let characters = 4_096
}

struct LineTooLongRule: GuideRule {
    static let limit = GuideLineLimit.characters

    static let description = RuleDescription(
        id: "line-too-long",
        kind: .syntax,
        severity: .warning,
        summary: "A line is longer than 4,096 characters: a pasted file, minified markup or binary data, not guide text.",
        explanation: """
            Guides are read by people and copied into terminals. A line of thousands of \
            characters is almost always something pasted by mistake: a minified HTML page, a \
            base64 blob, a whole log. Renderers show it as one endless line, diffs of it are \
            unreadable, and a reader cannot check what it contains. Break it up, move the data \
            to a file the guide links to, or remove it.
            """,
        reads: [.text],
        basis: [RuleBasis(.guideKit, "a guide line longer than 4,096 characters is pasted data, not prose (limit chosen by GuideKit)")],
        triggeringExamples: [
            // The marker sits at character 4,097, where the line passes the limit.
            "# App\n\n" + String(repeating: "data ", count: 819) + "d↓ata and more\n",
        ],
        nonTriggeringExamples: [
            "# App\n\n" + String(repeating: "A long but ordinary paragraph of prose. ", count: 20) + "\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let source = context.guide.source
        var findings: [Finding] = []
        for number in 1...max(source.lineCount, 1) {
            let line = source.originalLine(number)
            // UTF-8 length bounds the character count from above and costs nothing.
            guard line.utf8.count > Self.limit else { continue }
            let count = line.unicodeScalars.count
            guard count > Self.limit else { continue }
            findings.append(finding(context.guide, at: SourceLocation(line: number, column: Self.limit + 1),
                                    length: count - Self.limit,
                                    "this line has \(count) characters (more than \(Self.limit)); it reads like pasted data, not guide text",
                                    help: "break the line up, or move the data to a separate file and link to it"))
        }
        return findings
    }
}
