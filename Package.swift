// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ThemeScan",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ThemeScanKit", targets: ["ThemeScanKit"]),
        .executable(name: "themescan", targets: ["themescan"]),
        .executable(name: "themescan-bench", targets: ["themescan-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // ICU is reached only through this C target: its public header uses plain C types, so no Swift
        // module ever sees the system ICU headers next to Foundation's private ICU module.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // libxml2 is reached only through this C target, for the same reason as ICU: its public header uses plain
        // C types, so libxml2's headers (and their iconv/ICU includes) stay out of every Swift module.
        .target(
            name: "CLibXML2",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // zlib's raw deflate, for the zip archives ThemeScan writes: a chosen level and entries of unknown size.
        .target(name: "CDeflate", linkerSettings: [.linkedLibrary("z")]),
        // OpenSSL's message digests (SHA-256 for run.json, SHA-1 for REFI-QDA identifiers), behind plain C types.
        .target(name: "CCrypto", linkerSettings: [.linkedLibrary("crypto")]),
        // System calls Swift's Glibc module does not expose (an atomic swap of two folders).
        .target(name: "CPlatform"),
        .target(
            name: "ThemeScanKit",
            dependencies: [
                "CCrypto",
                "CDeflate",
                "CICU",
                "CLibXML2",
                "CPlatform",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "themescan",
            dependencies: [
                "ThemeScanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the pipeline against raw ICU and jieba (BENCHMARKS.md); it reaches into CICU for the raw loop.
        .executableTarget(
            name: "themescan-bench",
            dependencies: [
                "ThemeScanKit",
                "CICU",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ThemeScanKitTests",
            dependencies: ["ThemeScanKit", "themescan"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
