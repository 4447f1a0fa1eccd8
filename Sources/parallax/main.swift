import ParallaxCore
print("parallax: under construction")
