import GuideDocument
import GuideKnowledge

/// `unclosed-fence`: every code fence is closed.
struct UnclosedFenceRule: GuideRule {
    static let description = RuleDescription(
        id: "unclosed-fence",
        kind: .syntax,
        severity: .error,
        summary: "A code block's fence is never closed, so it swallows the rest of the guide.",
        explanation: """
            A fenced code block ends at a line with the same fence (three or more backticks or \
            tildes). Without it, CommonMark renderers treat everything to the end of the file as \
            code: headings, steps and later blocks disappear from the page, and GuideKit reads \
            them as part of this block. Close the fence after the block's last line.
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.specification, "CommonMark 0.31.2, 4.5 Fenced code blocks: an unclosed fence runs to the end of the document")],
        triggeringExamples: [
            """
            # App

            ↓```yaml
            key: value

            ## Next step
            """,
        ],
        nonTriggeringExamples: [
            """
            > Note:
            > ```shell
            > systemctl restart app
            > ```
            """,
            """
            # App

            ```yaml
            key: value
            ```

            ## Next step
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return guide.codeBlocks.compactMap { block in
            guard block.isFenced else { return nil }
            let closingLine = block.lineAfterContent
            let fenceLine = guide.source.originalLine(block.location.line)
            let marker: Character = fenceLine.drop { $0 == " " }.first == "~" ? "~" : "`"
            // Container prefixes (indentation, block quotes) come before the closing fence.
            let closing = guide.source.originalLine(closingLine).drop { $0 == " " || $0 == "\t" || $0 == ">" }.trimmingSpaces()
            guard closingLine > guide.source.lineCount || !(closing.first == marker && closing.allSatisfy { $0 == marker }) else {
                return nil
            }
            return finding(guide, at: block.location, length: 3,
                           "this code block is never closed: everything after it, to the end of the file, is read as code",
                           help: "add a closing \(String(repeating: marker, count: 3)) after the block's last line")
        }
    }
}
