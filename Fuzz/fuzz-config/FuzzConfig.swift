import Foundation
import GuideKit

// libFuzzer entry point: one input is read both as a `.guidekit.yml` and as a baseline file.
// Either must be accepted or refused with an `InputError`, never a crash or trap; an accepted
// configuration then checks a small guide with its rules, severities and per-path overrides,
// and an accepted baseline marks, prunes and re-encodes that guide's findings.

private let guide = """
    ### Assumptions
    - Application Root URL: `https://app.example.com/`
    - Client ID: `app`

    ```yaml {guide="authelia-client"}
    - client_id: 'other'
      redirect_uris: ['https://app.example.com/cb']
    ```
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let text = try? GuideFileReader.decode(bytes, path: ".guidekit.yml"),
       let config = try? ConfigFile.parse(text, path: "repo/.guidekit.yml") {
        var checker = Checker(rules: config.rules(from: RuleRegistry.all), version: config.autheliaVersion)
        checker.severityOverrides = config.severityOverrides
        checker.pathOverrides = config.overrides
        checker.digestBudgetSeconds = 0
        _ = checker.check(path: "repo/docs/app.md", text: guide)
    }
    if let baseline = try? Baseline.decode(bytes, path: "baseline.json") {
        var checker = Checker()
        checker.digestBudgetSeconds = 0
        let findings = checker.check(path: "docs/app.md", text: guide).1
        let marked = baseline.mark(findings)
        _ = baseline.pruned(after: marked, checked: ["docs/app.md"]).encoded()
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Checker().check(path: "warm-up.md", text: "# Warm-up\n\n- Client ID: `x`\n")
    return 0
}
