package dev.tagline.triggers;

import dev.tagline.testkit.JwtIssuer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests with a cluster admin's token, for tests about something other than access control: use this
 * {@code given()} in place of RestAssured's.
 */
final class AsClusterAdmin {

    private AsClusterAdmin() {}

    static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(JwtIssuer.shared().clusterAdmin());
    }
}
