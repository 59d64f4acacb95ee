package empty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Nothing but Spring MVC on Tomcat and the health endpoint. */
@SpringBootApplication
public class EmptyWebApp {

    public static void main(String[] args) {
        SpringApplication.run(EmptyWebApp.class, args);
    }
}
