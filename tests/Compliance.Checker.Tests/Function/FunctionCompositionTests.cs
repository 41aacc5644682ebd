using Compliance.Checker.Function;
using Compliance.Checker.Tests.Live;

namespace Compliance.Checker.Tests.Function;

public sealed class FunctionCompositionTests
{
    [Fact]
    public void The_report_goes_to_s3_before_the_summary_and_unconfigured_sinks_are_absent()
    {
        using var session = new FakeAws().Session();

        Assert.Equal(["s3", "sns"], FunctionComposition.Sinks(new FunctionConfiguration
        {
            Region = "eu-west-1", ReportBucket = "compliance-reports-123456789012", SnsTopicArn = "arn:aws:sns:eu-west-1:123456789012:compliance",
        }, session).Select(s => s.Name));
        Assert.Equal(["sns"], FunctionComposition.Sinks(new FunctionConfiguration { SnsTopicArn = "arn:aws:sns:eu-west-1:123456789012:compliance" }, session).Select(s => s.Name));
        Assert.Empty(FunctionComposition.Sinks(new FunctionConfiguration(), session));
    }
}
