import Foundation
import GuideKit

// libFuzzer entry point: one input is the bytes of one guide file. It goes the way
// `guidekit check` takes a file: read (size, UTF-8, binary checks), parse with cmark and
// libyaml, every rule, then every report format, and the same text with the upstream
// shortcodes resolved as `render` reads it. A crash, trap, leak or hang is a bug.

/// Verdicts are remembered across inputs (in memory, in a private temporary folder), and a
/// digest costing more than a quarter of a second is reported as over budget instead of
/// computed, so one input stays fast while mutations keep exploring the digest code paths.
nonisolated(unsafe) private var cache: DigestCache? = {
    let folder = NSTemporaryDirectory() + "guidekit-fuzz-cache-\(getpid())"
    return DigestCache.open(directory: folder)
}()
private let path = NSTemporaryDirectory() + "guidekit-fuzz-\(getpid()).md"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGuide(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    var checker = Checker()
    checker.digestBudgetSeconds = 0.25
    let outcome = BatchCheck(checker: checker, cache: cache).run(files: [path])
    cache = outcome.cache
    for format in ReportFormat.allCases {
        _ = format.render(outcome.report)
    }
    if let text = try? GuideFileReader.decode(bytes, path: path) {
        _ = GuideParser.parse(path: path, text: text, html: true, resolvingShortcodes: true)
    }
    return 0
}

/// Loads what every check loads once (the bundled profiles, their compiled patterns) before
/// the first input, so the leak checker does not take one-time set-up for a per-input leak.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Checker().check(path: "warm-up.md", text: "# Warm-up\n\n- Client ID: `x`\n")
    return 0
}
