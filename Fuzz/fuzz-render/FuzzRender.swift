import Foundation
import GuideKit

// libFuzzer entry point: one input is a guide and a site file, separated by the first NUL
// byte (no NUL: the guide alone, for a fixed site). It goes the way `guidekit render` takes
// them: read, check, render for the site (values substituted, secret generated from a fixed
// seed), re-check, the HTML page, the site index with every client joined and read back,
// and the output folder written. A crash, trap, leak or hang is a bug; a refusal is not.

private let folder = NSTemporaryDirectory() + "guidekit-fuzz-render-\(getpid())"
private let template = GuideRenderer.defaultTemplate

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let cut = bytes.firstIndex(of: 0) ?? bytes.endIndex
    let guide = Data(bytes[..<cut])
    let site = cut < bytes.endIndex ? Data(bytes[(cut + 1)...]) : Data("domain: home.arpa\n".utf8)
    try? FileManager.default.removeItem(atPath: folder)
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
          FileManager.default.createFile(atPath: folder + "/app.md", contents: guide),
          FileManager.default.createFile(atPath: folder + "/home.yml", contents: site) else { return 0 }
    var checker = Checker()
    checker.digestBudgetSeconds = 0.25
    let pipeline = RenderPipeline(renderer: GuideRenderer(checker: checker, template: template), seed: 7)
    _ = try? pipeline.run(guides: [folder + "/app.md"], sites: [folder + "/home.yml"], output: folder + "/out")
    return 0
}

/// One-time set-up (profiles, patterns) before the first input, as fuzz-guide does.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = Checker().check(path: "warm-up.md", text: "# Warm-up\n\n- Client ID: `x`\n")
    return 0
}
