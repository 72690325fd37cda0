import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEST_BANK_ACCOUNTS, TEST_CARDS } from '../dev-tools/stripe-test-mode/test-payment-methods';
import { PaymentsConfigDto } from './dto/payments-config.dto';

/**
 * How the panel collects payment methods: Stripe's elements when a publishable key is set,
 * otherwise Stripe's documented test methods, which only a test-mode secret key accepts.
 */
@Injectable()
export class PaymentsConfigService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): PaymentsConfigDto {
    const publishableKey = this.config.STRIPE_PUBLISHABLE_KEY ?? null;
    const testMode = this.config.STRIPE_SECRET_KEY.startsWith('sk_test_');
    return {
      stripePublishableKey: publishableKey,
      testPaymentMethods:
        publishableKey || !testMode
          ? []
          : [...TEST_CARDS, ...TEST_BANK_ACCOUNTS].map(({ token, kind, label, last4 }) => ({ token, type: kind, label, last4 })),
    };
  }
}
