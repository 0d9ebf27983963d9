namespace TeamsCrm.Deploy.Tests;

/// <summary>Teams' icon rules: colour 192×192, outline 32×32 white on transparent (Teams tints the outline).</summary>
public class IconTests
{
    static Png Icon(string name) => Png.Read(File.ReadAllBytes(Path.Combine(SamplePackage.ManifestFolder, name)));

    [Fact]
    public void The_colour_icon_is_192_by_192_and_opaque()
    {
        var color = Icon("color.png");
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.NotEmpty(color.Rgba);
        Assert.Equal(255, color.Pixel(0, 0).A);   // full-bleed background: Teams rounds the corners itself
        var colours = Enumerable.Range(0, 192 * 192).Select(i => color.Pixel(i % 192, i / 192)).Select(p => (p.R, p.G, p.B)).Distinct().Count();
        Assert.True(colours > 16, $"a designed icon, not a flat square ({colours} colours)");
    }

    [Fact]
    public void The_outline_icon_is_32_by_32_white_on_transparent()
    {
        var outline = Icon("outline.png");
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(Png.RgbAlpha, outline.ColorType);
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, outline.Pixel(0, 0).A);
        Assert.InRange(pixels.Count(p => p.A == 0), 32 * 32 / 2, 32 * 32 - 1);   // mostly transparent, but not empty
    }

    [Fact]
    public void The_checks_refuse_an_outline_with_a_background()
    {
        // The colour icon has every pixel opaque and coloured: as an outline it must fail both rules above.
        var color = Icon("color.png");
        Assert.NotEqual(Png.RgbAlpha, color.ColorType);
        Assert.Contains(Enumerable.Range(0, 64).Select(i => color.Pixel(i, i)), p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));
    }
}
