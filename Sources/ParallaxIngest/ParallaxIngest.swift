@_exported import ParallaxCore
