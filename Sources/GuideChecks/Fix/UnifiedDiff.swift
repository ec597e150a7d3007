import GuideDocument
import GuideKnowledge

/// A unified diff of two versions of a file whose lines were edited in place (fixes never
/// add or remove lines), with three lines of context, as `diff -u` and `git apply` read it.
public enum UnifiedDiff {
    public static func render(path: String, original: String, fixed: String, context: Int = 3) -> String {
        let old = original.lines()
        let new = fixed.lines()
        guard old.count == new.count else { return "" }
        var hunks: [ClosedRange<Int>] = []
        for index in old.indices where old[index] != new[index] {
            let range = max(0, index - context)...min(old.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        guard !hunks.isEmpty else { return "" }
        let name = path.drop(while: { $0 == "/" })
        var output = "--- a/\(name)\n+++ b/\(name)\n"
        for hunk in hunks {
            output += "@@ -\(hunk.lowerBound + 1),\(hunk.count) +\(hunk.lowerBound + 1),\(hunk.count) @@\n"
            var index = hunk.lowerBound
            while index <= hunk.upperBound {
                guard old[index] != new[index] else {
                    output += " \(old[index])\n"
                    index += 1
                    continue
                }
                // A run of changed lines: all removals, then all additions.
                var end = index
                while end <= hunk.upperBound, old[end] != new[end] { end += 1 }
                for line in old[index..<end] { output += "-\(line)\n" }
                for line in new[index..<end] { output += "+\(line)\n" }
                index = end
            }
        }
        return output
    }
}
