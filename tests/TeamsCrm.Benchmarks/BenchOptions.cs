using System.Globalization;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// What to run, from the command line:
/// <c>--concurrency 1,8,32 --requests 20000 --warmup 2000 --seconds 30</c> (these are the defaults; save-visit: 5000 and 1000).
/// Requests are per phase; warm-up is the size of one warm-up round (0: none); seconds bound each phase.
/// </summary>
public sealed record BenchOptions(int[] Concurrencies, int Requests, int Warmup, TimeSpan PhaseLimit)
{
    /// <summary>Saves write: fewer per phase than `help`, with a shorter warm-up.</summary>
    public static readonly BenchOptions SaveVisitDefaults = new([1, 8, 32], 5_000, 1_000, TimeSpan.FromSeconds(30));

    public static BenchOptions Parse(string[] args, BenchOptions? defaults = null)
    {
        var options = defaults ?? new BenchOptions([1, 8, 32], 20_000, 2_000, TimeSpan.FromSeconds(30));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrencies = value.Split(',').Select(Positive).ToArray() },
                "--requests" => options with { Requests = Positive(value) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => options with { PhaseLimit = TimeSpan.FromSeconds(Positive(value)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Known: --concurrency 1,8,32 --requests N --warmup N --seconds S."),
            };
            i++;
        }
        return options;
    }

    static int Positive(string text) =>
        int.Parse(text, CultureInfo.InvariantCulture) is > 0 and var n ? n : throw new ArgumentException($"'{text}' must be a positive number.");
}
