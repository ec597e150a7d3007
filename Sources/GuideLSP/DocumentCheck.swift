import Foundation
import GuideChecks
import SecretDigests
import GuideDocument
import LSPProtocol

/// One check of an open document's text, as `guidekit check` would check the file: the same
/// input limits, the session's rules, profiles, overrides, exclusions and baseline. Digests are
/// not verified here (`verify: false`): known verdicts are used, the rest are left pending.
enum DocumentCheck {
    static func run(_ document: inout CheckedDocument, path: String, session: CheckSession, baseline: Baseline?,
                    known: [VerificationRequest: DigestVerification]) {
        document.checkedVersion = document.text.version
        document.findings = []
        document.pending = []
        document.guide = nil
        document.inputError = nil
        // A file the configuration excludes is not checked by `guidekit check` either.
        if !session.input.exclude.isEmpty, PathGlobSet(session.input.exclude).matches(path) { return }
        let bytes = Data(document.text.text.utf8)
        if bytes.count > session.input.reader.maximumBytes {
            document.inputError = InputError(path: path, message: "larger than the \(session.input.reader.maximumBytes / 1_048_576) MB limit for a guide; not checked")
            return
        }
        let text: String
        do { text = try GuideFileReader.decode(bytes, path: path) } catch {
            document.inputError = error
            return
        }
        let guide = GuideParser.parse(path: path, text: text)
        let run = session.checker.run([guide], known: known, verify: false)
        var findings = run.findings.first ?? []
        if let baseline { findings = baseline.mark(findings) }
        document.guide = guide
        document.findings = findings.filter(\.isActive)
        document.pending = run.pending
    }

    static func diagnostics(of document: CheckedDocument) -> [Diagnostic] {
        if let error = document.inputError { return [FindingConversion.diagnostic(for: error, in: document.text)] }
        return document.findings.map { FindingConversion.diagnostic(for: $0, in: document.text) }
    }
}
