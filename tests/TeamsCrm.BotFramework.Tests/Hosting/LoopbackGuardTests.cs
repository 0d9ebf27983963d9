using TeamsCrm.BotFramework.Hosting;

namespace TeamsCrm.BotFramework.Tests.Hosting;

/// <summary>Local mode has no authentication, so it may listen only where nobody else can reach it.</summary>
public class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:80", true)]
    [InlineData("https://LOCALHOST:5001/", true)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://0.0.0.0:80", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("http://10.0.0.5:80", false)]
    [InlineData("http://localhost.evil.example:80", false)]
    [InlineData("http://127.0.0.1.evil.example:80", false)]
    public void Knows_which_addresses_are_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, LoopbackGuard.IsLoopbackUrl(url));

    [Fact]
    public void One_public_address_among_loopback_ones_is_refused()
    {
        LoopbackGuard.EnsureLoopbackOnly(["http://127.0.0.1:3978", "http://localhost:5000"]);

        var error = Assert.Throws<InvalidOperationException>(() => LoopbackGuard.EnsureLoopbackOnly(["http://127.0.0.1:3978", "http://*:80"]));
        Assert.Contains("http://*:80", error.Message, StringComparison.Ordinal);
    }
}
