// swift-tools-version:6.0
// attnview: look inside the attention blocks of convolutional networks, in a terminal.
import PackageDescription

// The numerical targets are optimised in debug builds too: the tests run whole networks, which an
// unoptimised engine makes ten times slower. (A root package may set such flags for itself.)
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "attnview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attnview", targets: ["attnview"]),
        .executable(name: "attnview-fuzz", targets: ["attnview-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Thin wrappers of the C libraries; each is imported by exactly one Swift module.
        .systemLibrary(
            name: "CLibPNG", path: "Sources/CLibPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(
            // No pkgConfig here: ncursesw.pc adds -D_XOPEN_SOURCE=600, which SwiftPM refuses with a
            // warning; the shim defines what it needs and the headers are on the default path.
            name: "CNcursesW", path: "Sources/CNcursesW", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),

        // Text from files and the command line made safe for one-line messages.
        .target(name: "AttnText"),
        // Whole-file reads and writes through POSIX, bounded, with the system's own reasons.
        .target(name: "AttnFiles"),
        // The tensor engine: NCHW float32 tensors and the ops the blocks need.
        .target(name: "AttnEngine", dependencies: ["COpenBLAS"], swiftSettings: optimised),
        // File formats: safetensors (and, later, PyTorch checkpoints).
        .target(name: "AttnFormats", dependencies: ["AttnEngine", "AttnText", "AttnFiles"]),
        // The attention blocks, exactly as their authors' code computes them, with their maps.
        .target(name: "AttnBlocks", dependencies: ["AttnEngine", "AttnText"], swiftSettings: optimised),
        // Images: PNG through libpng, JPEG through TurboJPEG, resize, crop, normalisation.
        .target(name: "AttnImaging", dependencies: ["AttnEngine", "AttnText", "AttnFiles", "CLibPNG", "CTurboJPEG"], swiftSettings: optimised),
        // The TUI without a terminal: view state, key handling and rendering into a cell buffer.
        .target(name: "AttnTUI", dependencies: ["AttnEngine", "AttnBlocks", "AttnModels", "AttnImaging"]),
        // The terminal: capabilities and the ncurses screen that draws a cell buffer. The only
        // importer of ncursesw.
        .target(name: "AttnTerminal", dependencies: ["CNcursesW", "AttnTUI"]),
        // Whole networks: EfficientNet-Lite0 with its ImageNet weights and classes, probe mode.
        .target(name: "AttnModels", dependencies: ["AttnEngine", "AttnText", "AttnFormats", "AttnImaging", "AttnBlocks"], swiftSettings: optimised),
        // Figures out: any view drawn into pixels (the TUI's views, a second renderer), PNG files
        // named and written atomically, the raw maps and a summary, batches over folders.
        .target(
            name: "AttnExport",
            dependencies: ["AttnEngine", "AttnText", "AttnFiles", "AttnFormats", "AttnImaging", "AttnBlocks", "AttnModels", "AttnTUI"],
            swiftSettings: optimised),
        // What the subcommands do, without argument parsing: run a block on a file, tabulate blocks, ...
        .target(
            name: "AttnRuntime",
            dependencies: ["AttnEngine", "AttnText", "AttnFormats", "AttnImaging", "AttnBlocks", "AttnModels", "AttnTUI", "AttnExport", "AttnBench"]),
        // Throughput measurements printed by `attnview bench`.
        .target(name: "AttnBench", dependencies: ["AttnEngine", "AttnFormats", "AttnImaging"]),

        // The seeded mutation fuzzer of the readers of outside files and of --set (scripts/fuzz.sh).
        .target(name: "AttnFuzz", dependencies: ["AttnEngine", "AttnFormats", "AttnImaging", "AttnBlocks"]),

        // Helpers shared by the test targets: the one closeness check and the fixture folder.
        .target(name: "AttnTestSupport", dependencies: ["AttnEngine", "AttnFormats"]),

        .executableTarget(
            name: "attnview",
            dependencies: [
                "AttnEngine", "AttnText", "AttnFormats", "AttnImaging", "AttnBench", "AttnBlocks", "AttnRuntime", "AttnTUI",
                "AttnTerminal", "AttnExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(
            name: "attnview-fuzz",
            dependencies: ["AttnFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "AttnFuzzTests", dependencies: ["AttnFuzz", "AttnTestSupport"]),
        .testTarget(name: "AttnTextTests", dependencies: ["AttnText"]),
        .testTarget(name: "AttnEngineTests", dependencies: ["AttnEngine", "AttnFormats", "AttnTestSupport"]),
        .testTarget(name: "AttnFormatsTests", dependencies: ["AttnEngine", "AttnFormats", "AttnTestSupport"]),
        .testTarget(
            name: "AttnImagingTests",
            dependencies: ["AttnEngine", "AttnFormats", "AttnImaging", "AttnTestSupport"]),
        .testTarget(
            name: "AttnBlocksTests", dependencies: ["AttnBlocks", "AttnEngine", "AttnFormats", "AttnTestSupport"]),
        .testTarget(
            name: "AttnModelsTests",
            dependencies: ["AttnModels", "AttnBlocks", "AttnEngine", "AttnFormats", "AttnImaging", "AttnTestSupport"]),
        .testTarget(name: "AttnTerminalTests", dependencies: ["AttnTerminal", "AttnTUI"]),
        .testTarget(
            name: "AttnTUITests",
            dependencies: ["AttnTUI", "AttnModels", "AttnBlocks", "AttnEngine", "AttnImaging", "AttnFormats", "AttnTestSupport"]),
        .testTarget(
            name: "AttnExportTests",
            dependencies: ["AttnExport", "AttnTUI", "AttnModels", "AttnBlocks", "AttnEngine", "AttnImaging", "AttnFiles", "AttnFormats", "AttnTestSupport"]),
        .testTarget(
            name: "AttnRuntimeTests",
            dependencies: ["AttnRuntime", "AttnTUI", "AttnModels", "AttnImaging", "AttnTestSupport"]),
        .testTarget(
            name: "AttnCLITests",
            dependencies: ["attnview", "AttnEngine", "AttnFormats", "AttnImaging", "AttnExport", "AttnTestSupport"]),
    ]
)
