using Compliance.Checker.Templates.Intrinsics;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Each intrinsic function, pseudo parameter and parameter source, and what stays unknown.</summary>
public sealed class IntrinsicTests
{
    private const string Base = """
        Parameters:
          Env: { Type: String, Default: dev }
          NoDefault: { Type: String }
          Subnets: { Type: CommaDelimitedList, Default: "a, b,c" }
          FromSsm: { Type: "AWS::SSM::Parameter::Value<String>", Default: /cdk-bootstrap/hnb659fds/version }
        Mappings:
          Sizes:
            dev: { Instance: t3.micro }
            prod: { Instance: m7i.large }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Unknowable: !Equals [!Ref NoDefault, x]
          DevOrUnknown: !Or [!Condition IsDev, !Condition Unknowable]
          ProdAndUnknown: !And [!Condition IsProd, !Condition Unknowable]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Key:
            Type: AWS::KMS::Key
          Topic:
            Type: AWS::SNS::Topic
            Properties: { TopicName: alerts }
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16 }
          Queue:
            Type: AWS::SQS::Queue
        Outputs:
        """;

    private static CfnValue Eval(string expression, IReadOnlyDictionary<string, string>? parameters = null) =>
        Output(Base + "\n  Out:\n    Value: " + expression + "\n", "Out", parameters);

    [Theory]
    [InlineData("!Ref AWS::Region", "eu-west-1")]
    [InlineData("!Ref AWS::AccountId", "111122223333")]
    [InlineData("!Ref AWS::Partition", "aws")]
    [InlineData("!Ref AWS::URLSuffix", "amazonaws.com")]
    [InlineData("!Ref AWS::StackName", "app")]
    [InlineData("!Ref Env", "dev")]
    [InlineData("!Ref Bucket", "Bucket")]
    [InlineData("!GetAtt Bucket.Arn", "arn:aws:s3:::Bucket")]
    [InlineData("!GetAtt [Key, Arn]", "arn:aws:kms:eu-west-1:111122223333:key/Key")]
    [InlineData("!Ref Topic", "arn:aws:sns:eu-west-1:111122223333:alerts")]
    [InlineData("!GetAtt Vpc.CidrBlock", "10.0.0.0/16")]
    [InlineData("!GetAtt Vpc.DefaultSecurityGroup", "Vpc.default")]
    [InlineData("!GetAtt Queue.Arn", "arn:aws:sqs:eu-west-1:111122223333:queue/Queue")]
    [InlineData("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/${Env}/*'", "arn:aws:s3:::Bucket/dev/*")]
    [InlineData("!Sub '${Bucket.Arn}-${!Literal}'", "arn:aws:s3:::Bucket-${Literal}")]
    [InlineData("!Sub ['${Name}-${AWS::Region}', { Name: !Ref Env }]", "dev-eu-west-1")]
    [InlineData("!Join ['-', [a, !Ref Env, !Select [1, !Ref Subnets]]]", "a-dev-b")]
    [InlineData("!Select [2, !Split [',', 'x,y,z']]", "z")]
    [InlineData("!FindInMap [Sizes, !Ref Env, Instance]", "t3.micro")]
    [InlineData("!If [IsProd, big, small]", "small")]
    [InlineData("!If [DevOrUnknown, dev-ish, other]", "dev-ish")]
    [InlineData("!If [ProdAndUnknown, yes, no]", "no")]
    [InlineData("!Base64 hello", "aGVsbG8=")]
    [InlineData("!Equals [a, a]", "true")]
    public void Resolves(string expression, string expected) => Assert.Equal(expected, Eval(expression).Text);

    [Fact]
    public void A_parameter_value_given_on_the_command_line_replaces_the_default_and_flows_into_conditions()
    {
        var parameters = new Dictionary<string, string> { ["Env"] = "prod" };

        Assert.Equal("prod", Eval("!Ref Env", parameters).Text);
        Assert.Equal("big", Eval("!If [IsProd, big, small]", parameters).Text);
        Assert.Equal("m7i.large", Eval("!FindInMap [Sizes, !Ref Env, Instance]", parameters).Text);
    }

    [Fact]
    public void A_comma_delimited_list_parameter_is_a_list()
    {
        var list = Assert.IsType<CfnList>(Eval("!Ref Subnets"));

        Assert.Equal(["a", "b", "c"], list.Items.Select(i => i.Text));
    }

    [Theory]
    [InlineData("!Ref NoDefault", "has no default")]
    [InlineData("!Ref FromSsm", "SSM Parameter Store")]
    [InlineData("!GetAZs ''", "Availability Zones")]
    [InlineData("!Select [0, !GetAZs '']", "Availability Zones")]
    [InlineData("!Join ['', [a, !Ref NoDefault]]", "has no default")]
    [InlineData("!Sub 'x-${NoDefault}'", "has no default")]
    [InlineData("!If [Unknowable, a, b]", "cannot be evaluated")]
    [InlineData("!If [ProdAndUnknown, !Ref NoDefault, !GetAZs '']", "Availability Zones")]
    [InlineData("!GetAtt Bucket.WebsiteURL", "known only after deployment")]
    [InlineData("!ImportValue other-stack-export", "no stack in this scan exports")]
    [InlineData("!Ref Missing", "does not declare")]
    [InlineData("!Cidr [10.0.0.0/16, 2, 8]", "not evaluated")]
    public void What_only_deployment_can_tell_stays_unknown_with_the_reason(string expression, string reason)
    {
        var value = Eval(expression);

        Assert.False(value.IsKnown);
        Assert.Null(value.Text);
        Assert.Contains(reason, value.UnknownReason);
    }

    [Fact]
    public void An_unknown_inside_a_list_or_map_makes_the_whole_value_unknown_but_keeps_the_known_parts()
    {
        var value = Eval("[a, !Ref NoDefault]");

        var list = Assert.IsType<CfnList>(value);
        Assert.False(list.IsKnown);
        Assert.Equal("a", list.Items[0].Text);
        Assert.Null(list.ToJson());
    }

    [Fact]
    public void No_value_removes_the_item()
    {
        var list = Assert.IsType<CfnList>(Eval("[a, !If [IsProd, b, !Ref AWS::NoValue], c]"));

        Assert.Equal(["a", "c"], list.Items.Select(i => i.Text));
    }

    [Fact]
    public void A_circular_reference_is_unknown_rather_than_a_crash()
    {
        var template = """
            Resources:
              A:
                Type: AWS::S3::Bucket
                Properties: { BucketName: !Sub "${B}-a" }
              B:
                Type: AWS::S3::Bucket
                Properties: { BucketName: !Sub "${A}-b" }
            Outputs:
              Out: { Value: !Ref A }
            """;

        var value = Output(template, "Out");

        Assert.True(value.IsKnown);
        Assert.EndsWith("-a", value.Text);
    }

    [Fact]
    public void A_china_region_changes_partition_and_url_suffix()
    {
        var template = Base + "\n  Out:\n    Value: !Sub '${AWS::Partition} ${AWS::URLSuffix} ${Bucket.Arn}'\n";

        Assert.Equal("aws-cn amazonaws.com.cn arn:aws-cn:s3:::Bucket", Output(template, "Out", region: "cn-north-1").Text);
    }
}
