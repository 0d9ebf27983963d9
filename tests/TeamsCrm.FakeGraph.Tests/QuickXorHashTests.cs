using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class QuickXorHashTests
{
    // Published quickXorHash test vectors (input and hash in base64), as other OneDrive clients check against.
    [Theory]
    [InlineData("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("2fuxhBJXtpWFe8dOfdGeHw==", "O9tHLAghgSvYohKFyMMxnNCHaHg=")]
    public void Matches_the_published_vectors(string input, string expected) =>
        Assert.Equal(expected, QuickXorHash.Of(Convert.FromBase64String(input)));

    [Fact]
    public void Appending_in_pieces_of_any_size_gives_the_hash_of_the_whole_and_a_clone_forks_the_state()
    {
        var bytes = LibraryTestBed.Bytes(100_003);
        var whole = QuickXorHash.Of(bytes);
        var pieces = new QuickXorHash();
        var at = 0;
        foreach (var size in Enumerable.Range(1, 1000).Select(i => i * 37 % 1000 + 1))
        {
            if (at >= bytes.Length) break;
            var take = Math.Min(size, bytes.Length - at);
            pieces.Append(bytes.AsSpan(at, take));
            at += take;
        }
        pieces.Append(bytes.AsSpan(at));
        var fork = pieces.Clone();
        fork.Append([1, 2, 3]);

        Assert.Equal(whole, pieces.ToBase64());
        Assert.NotEqual(whole, fork.ToBase64());
        Assert.Equal(bytes.Length, pieces.Length);
    }
}
