using System.CommandLine;
using Compliance.Checker.Live;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>The options that say which live account to read and how hard to push it; shared by scan and collect.</summary>
internal sealed class LiveCommandOptions
{
    public Option<string[]> Regions { get; } = new("--regions") { Description = "Regions to read, comma-separated or repeated, or 'all' for the account's enabled regions. Default: AWS_REGION / the profile's region." };
    public Option<string?> Profile { get; } = new("--profile") { Description = "A profile from the shared AWS config; default: the standard credential chain." };
    public Option<string?> EndpointUrl { get; } = new("--endpoint-url") { Description = "Send every call to this endpoint (LocalStack, moto, a VPC endpoint); also AWS_ENDPOINT_URL." };
    public Option<int> MaxConcurrency { get; } = new("--max-concurrency") { Description = "(service, region) collections at once.", DefaultValueFactory = _ => 8 };
    public Option<int> BucketConcurrency { get; } = new("--bucket-concurrency") { Description = "Per-bucket S3 calls at once.", DefaultValueFactory = _ => 16 };
    public Option<int> DeadlineSeconds { get; } = new("--deadline") { Description = "Seconds after which whatever is not collected becomes a collection error.", DefaultValueFactory = _ => 600 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Regions, Profile, EndpointUrl, MaxConcurrency, BucketConcurrency, DeadlineSeconds })
        {
            command.Options.Add(option);
        }
    }

    public LiveOptions Read(ParseResult parse)
    {
        var concurrency = parse.GetValue(MaxConcurrency);
        var buckets = parse.GetValue(BucketConcurrency);
        var deadline = parse.GetValue(DeadlineSeconds);
        if (concurrency < 1 || buckets < 1 || deadline < 1)
        {
            throw new InputException("--max-concurrency, --bucket-concurrency and --deadline must be at least 1.");
        }

        var endpoint = parse.GetValue(EndpointUrl) ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InputException($"--endpoint-url: '{endpoint}' is not an absolute URL.");
        }

        var regions = CommonOptions.List(parse.GetValue(Regions));
        foreach (var region in regions.Where(r => r != "all"))
        {
            if (Amazon.RegionEndpoint.GetBySystemName(region).DisplayName == "Unknown")
            {
                throw new InputException($"--regions: '{region}' is not an AWS region name.");
            }
        }

        return new LiveOptions
        {
            Regions = regions,
            Profile = parse.GetValue(Profile),
            EndpointUrl = endpoint,
            MaxConcurrency = concurrency,
            BucketConcurrency = buckets,
            Deadline = TimeSpan.FromSeconds(deadline),
        };
    }
}
