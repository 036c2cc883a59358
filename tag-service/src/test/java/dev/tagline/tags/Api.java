package dev.tagline.tags;

import dev.tagline.testkit.JwtIssuer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** Requests with a bearer token from the testkit's issuer, which the app under test trusts. */
final class Api {

    private Api() {}

    /** As a cluster admin, for tests about something other than access control. */
    static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(JwtIssuer.shared().clusterAdmin());
    }

    /** As a user in the given groups, such as {@code team-a:view}. */
    static RequestSpecification as(List<String> groups) {
        return RestAssured.given().auth().oauth2(JwtIssuer.shared().token("tests-user", groups));
    }
}
