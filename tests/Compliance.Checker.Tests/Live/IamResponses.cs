using System.Net;
using System.Text;

namespace Compliance.Checker.Tests.Live;

/// <summary>
/// IAM answers shaped as in the IAM API reference examples (GetAccountAuthorizationDetails, ListRoles, GetAccountSummary,
/// ListVirtualMFADevices, GenerateCredentialReport, GetCredentialReport) for account 123456789012. Policy documents are
/// URL-encoded, as IAM sends them.
/// </summary>
internal static class IamResponses
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string Meta = "<ResponseMetadata><RequestId>92e79ae7-7399-11e4-8c85-4b53eEXAMPLE</RequestId></ResponseMetadata>";

    public const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    public const string DenyBilling = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"aws-portal:*","Resource":"*"}}""";
    public const string Admin = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""";
    public const string S3AndDynamo = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[ "s3:*","dynamodb:*"],"Resource":"*"}}""";
    public const string ReadLogsV1 = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"logs:*","Resource":"*"}}""";
    public const string ReadLogsV2 = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["logs:Get*","logs:Describe*"],"Resource":"*"}}""";

    public static string Encoded(string json) => Uri.EscapeDataString(json);

    public static Func<FakeRequest, HttpResponseMessage> Response(string action, string result) =>
        FakeAws.Xml($"<{action}Response xmlns=\"{Ns}\"><{action}Result>{result}</{action}Result>{Meta}</{action}Response>");

    public static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status = HttpStatusCode.Forbidden) => FakeAws.Xml(
        $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>4c4e2c3b-0000-11e4-8e8e-EXAMPLE</RequestId></ErrorResponse>", status);

    /// <summary>Page 1 of 2: two users (one inline policy, one attached policy, a boundary and tags) and the Admins group.</summary>
    public static readonly string DetailsPageOne = $"""
        <IsTruncated>true</IsTruncated>
        <Marker>EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl/eeaCX3Jo94/bKqezEAg8TEVS99EKFLxm3jtbpl25FDWEXAMPLE</Marker>
        <UserDetailList>
          <member>
            <GroupList><member>Admins</member></GroupList>
            <AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies>
            <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
            <Path>/</Path>
            <UserName>Alice</UserName>
            <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
            <CreateDate>2013-10-14T18:32:24Z</CreateDate>
            <PermissionsBoundary>
              <PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType>
              <PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/ReadLogs</PermissionsBoundaryArn>
            </PermissionsBoundary>
            <Tags><member><Key>team</Key><Value>platform</Value></member></Tags>
          </member>
          <member>
            <GroupList/>
            <UserPolicyList>
              <member><PolicyName>DenyBillingPolicy</PolicyName><PolicyDocument>{Encoded(DenyBilling)}</PolicyDocument></member>
            </UserPolicyList>
            <UserId>AIDACKCEVSQ6C3EXAMPLE</UserId>
            <Path>/</Path>
            <UserName>Bob</UserName>
            <Arn>arn:aws:iam::123456789012:user/Bob</Arn>
            <CreateDate>2013-10-14T18:32:25Z</CreateDate>
          </member>
        </UserDetailList>
        <GroupDetailList>
          <member>
            <GroupId>AIDACKCEVSQ6C7EXAMPLE</GroupId>
            <GroupName>Admins</GroupName>
            <Path>/</Path>
            <Arn>arn:aws:iam::123456789012:group/Admins</Arn>
            <CreateDate>2013-10-14T18:32:24Z</CreateDate>
            <GroupPolicyList>
              <member><PolicyName>AdministratorAccess-201409151020</PolicyName><PolicyDocument>{Encoded(Admin)}</PolicyDocument></member>
            </GroupPolicyList>
            <AttachedManagedPolicies/>
          </member>
        </GroupDetailList>
        <RoleDetailList/>
        <Policies/>
        """;

    /// <summary>Page 2 of 2: the EC2 role of the reference example, a service-linked role, and a customer managed policy with two versions.</summary>
    public static readonly string DetailsPageTwo = $"""
        <IsTruncated>false</IsTruncated>
        <UserDetailList/>
        <GroupDetailList/>
        <RoleDetailList>
          <member>
            <RolePolicyList>
              <member><PolicyName>S3andDDBaccess-EC2role-201407301009</PolicyName><PolicyDocument>{Encoded(S3AndDynamo)}</PolicyDocument></member>
            </RolePolicyList>
            <AttachedManagedPolicies><member><PolicyName>ReadLogs</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/ReadLogs</PolicyArn></member></AttachedManagedPolicies>
            <InstanceProfileList>
              <member>
                <InstanceProfileName>EC2role</InstanceProfileName>
                <Roles><member><Path>/</Path><Arn>arn:aws:iam::123456789012:role/EC2role</Arn><RoleName>EC2role</RoleName>
                  <AssumeRolePolicyDocument>{Encoded(Ec2Trust)}</AssumeRolePolicyDocument><CreateDate>2014-07-30T17:09:20Z</CreateDate><RoleId>AROAFP4BKI7Y7TEXAMPLE</RoleId></member></Roles>
                <Path>/</Path>
                <Arn>arn:aws:iam::123456789012:instance-profile/EC2role</Arn>
                <InstanceProfileId>AIPAFFYRBHWXW2EXAMPLE</InstanceProfileId>
                <CreateDate>2014-07-30T17:09:20Z</CreateDate>
              </member>
            </InstanceProfileList>
            <Path>/</Path>
            <Arn>arn:aws:iam::123456789012:role/EC2role</Arn>
            <RoleName>EC2role</RoleName>
            <AssumeRolePolicyDocument>{Encoded(Ec2Trust)}</AssumeRolePolicyDocument>
            <CreateDate>2014-07-30T17:09:20Z</CreateDate>
            <RoleId>AROAFP4BKI7Y7TEXAMPLE</RoleId>
            <RoleLastUsed><LastUsedDate>2025-06-01T10:00:00Z</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed>
            <Tags><member><Key>Name</Key><Value>web</Value></member></Tags>
          </member>
          <member>
            <RolePolicyList/>
            <AttachedManagedPolicies><member><PolicyName>AWSSupportServiceRolePolicy</PolicyName><PolicyArn>arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy</PolicyArn></member></AttachedManagedPolicies>
            <Path>/aws-service-role/support.amazonaws.com/</Path>
            <Arn>arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport</Arn>
            <RoleName>AWSServiceRoleForSupport</RoleName>
            <AssumeRolePolicyDocument>{Encoded("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"support.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")}</AssumeRolePolicyDocument>
            <CreateDate>2019-01-01T00:00:00Z</CreateDate>
            <RoleId>AROAJPYMB6GOGCEXAMPLE</RoleId>
          </member>
        </RoleDetailList>
        <Policies>
          <member>
            <PolicyName>ReadLogs</PolicyName>
            <DefaultVersionId>v2</DefaultVersionId>
            <PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId>
            <Path>/</Path>
            <PolicyVersionList>
              <member><Document>{Encoded(ReadLogsV2)}</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v2</VersionId><CreateDate>2014-10-15T18:41:51Z</CreateDate></member>
              <member><Document>{Encoded(ReadLogsV1)}</Document><IsDefaultVersion>false</IsDefaultVersion><VersionId>v1</VersionId><CreateDate>2014-10-15T18:40:00Z</CreateDate></member>
            </PolicyVersionList>
            <Arn>arn:aws:iam::123456789012:policy/ReadLogs</Arn>
            <AttachmentCount>1</AttachmentCount>
            <PermissionsBoundaryUsageCount>1</PermissionsBoundaryUsageCount>
            <IsAttachable>true</IsAttachable>
            <CreateDate>2014-10-15T18:40:00Z</CreateDate>
            <UpdateDate>2014-10-15T18:41:51Z</UpdateDate>
          </member>
        </Policies>
        """;

    public static readonly string Roles = $"""
        <IsTruncated>false</IsTruncated>
        <Roles>
          <member>
            <Path>/</Path><Arn>arn:aws:iam::123456789012:role/EC2role</Arn><RoleName>EC2role</RoleName>
            <AssumeRolePolicyDocument>{Encoded(Ec2Trust)}</AssumeRolePolicyDocument><CreateDate>2014-07-30T17:09:20Z</CreateDate>
            <RoleId>AROAFP4BKI7Y7TEXAMPLE</RoleId><MaxSessionDuration>43200</MaxSessionDuration>
          </member>
          <member>
            <Path>/aws-service-role/support.amazonaws.com/</Path><Arn>arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport</Arn>
            <RoleName>AWSServiceRoleForSupport</RoleName><Description>Enables resource access for AWS to provide billing, administrative and support services</Description>
            <CreateDate>2019-01-01T00:00:00Z</CreateDate><RoleId>AROAJPYMB6GOGCEXAMPLE</RoleId><MaxSessionDuration>3600</MaxSessionDuration>
          </member>
        </Roles>
        """;

    /// <summary>The reference example's summary, for an account whose root has a password and MFA and no access keys.</summary>
    public static string Summary(int mfa = 1, int keys = 0, int password = 1) => $"""
        <SummaryMap>
          <entry><key>Groups</key><value>31</value></entry>
          <entry><key>SigningCertificatesPerUserQuota</key><value>2</value></entry>
          <entry><key>UserPolicySizeQuota</key><value>2048</value></entry>
          <entry><key>PolicyVersionsInUseQuota</key><value>10000</value></entry>
          <entry><key>Users</key><value>27</value></entry>
          <entry><key>AccountMFAEnabled</key><value>{mfa}</value></entry>
          <entry><key>AccountAccessKeysPresent</key><value>{keys}</value></entry>
          <entry><key>AccountPasswordPresent</key><value>{password}</value></entry>
          <entry><key>AccountSigningCertificatesPresent</key><value>0</value></entry>
          <entry><key>MFADevicesInUse</key><value>3</value></entry>
        </SummaryMap>
        """;

    /// <summary>The reference example: an unassigned device, the root user's virtual device, and a user's device.</summary>
    public const string VirtualMfaWithRoot = """
        <IsTruncated>false</IsTruncated>
        <VirtualMFADevices>
          <member>
            <SerialNumber>arn:aws:iam::123456789012:mfa/RootMFAdeviceName</SerialNumber>
            <EnableDate>2011-10-20T20:49:03Z</EnableDate>
            <User><UserId>123456789012</UserId><Arn>arn:aws:iam::123456789012:root</Arn><CreateDate>2009-10-13T22:00:36Z</CreateDate></User>
          </member>
          <member>
            <SerialNumber>arn:aws:iam::123456789012:mfa/ExampleUserMFAdeviceName</SerialNumber>
            <EnableDate>2011-10-31T20:45:02Z</EnableDate>
            <User><UserId>AIDEXAMPLE4EXAMPLEXYZ</UserId><Path>/</Path><UserName>ExampleUser</UserName><Arn>arn:aws:iam::123456789012:user/ExampleUser</Arn><CreateDate>2011-07-01T17:23:07Z</CreateDate></User>
          </member>
        </VirtualMFADevices>
        """;

    public const string VirtualMfaUsersOnly = """
        <IsTruncated>false</IsTruncated>
        <VirtualMFADevices>
          <member>
            <SerialNumber>arn:aws:iam::123456789012:mfa/ExampleUserMFAdeviceName</SerialNumber>
            <EnableDate>2011-10-31T20:45:02Z</EnableDate>
            <User><UserId>AIDEXAMPLE4EXAMPLEXYZ</UserId><Path>/</Path><UserName>ExampleUser</UserName><Arn>arn:aws:iam::123456789012:user/ExampleUser</Arn><CreateDate>2011-07-01T17:23:07Z</CreateDate></User>
          </member>
        </VirtualMFADevices>
        """;

    public const string ReportStarted = "<Description>No report exists. Starting a new report generation task</Description><State>STARTED</State>";
    public const string ReportComplete = "<State>COMPLETE</State>";

    /// <summary>A credential report: the root row and three users, in the documented column order.</summary>
    public const string ReportCsv = """
        user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
        <root_account>,arn:aws:iam::123456789012:root,2014-08-28T21:42:50+00:00,not_supported,2025-06-20T08:15:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        Alice,arn:aws:iam::123456789012:user/Alice,2013-10-14T18:32:24+00:00,true,2025-06-29T10:00:00+00:00,2025-05-01T09:00:00+00:00,2025-07-30T09:00:00+00:00,true,true,2025-04-01T12:00:00+00:00,2025-06-29T11:00:00+00:00,eu-west-1,s3,false,2019-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A
        Bob,arn:aws:iam::123456789012:user/Bob,2013-10-14T18:32:25+00:00,true,no_information,2024-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        svc,arn:aws:iam::123456789012:user/svc,2020-02-02T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2020-02-02T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        """;

    public static string Report(string csv = ReportCsv, string generated = "2025-06-30T12:00:00Z") =>
        $"<Content>{Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ReplaceLineEndings("\n")))}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>{generated}</GeneratedTime>";
}
